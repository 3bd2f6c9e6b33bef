import { MINUTE_MS } from '../../time/seoul';
import { seoulDate, seoulInstant, seoulMinuteOfDay } from '../../time/seoul';
import { expandDates, mondayIndex } from './rule-dates';
import type { Violation } from '../errors';

import { MAX_OCCURRENCES, type Frequency } from '../../schemas/reservations';

export { MAX_OCCURRENCES, type Frequency };
export interface Recurrence {
	frequency: Frequency;
	/** Last Seoul date an occurrence may fall on (inclusive). */
	until?: string;
	/** Number of occurrences, the first included. */
	count?: number;
}

const STEP_DAYS: Record<Frequency, number> = { weekly: 7, biweekly: 14 };

export function checkRecurrence(recurrence: Recurrence, firstStart: Date): Violation[] {
	const violations: Violation[] = [];
	// The table's own keys only: `in` would accept 'constructor' or '__proto__' from the prototype.
	if (typeof recurrence.frequency !== 'string' || !Object.hasOwn(STEP_DAYS, recurrence.frequency)) violations.push({ rule: 'recurrence', messageKey: 'recurrence_frequency_invalid' });
	const hasUntil = typeof recurrence.until === 'string' && recurrence.until.length > 0;
	const hasCount = typeof recurrence.count === 'number';
	if (hasUntil === hasCount) violations.push({ rule: 'recurrence', messageKey: 'recurrence_until_or_count' });
	if (hasCount && (!Number.isInteger(recurrence.count) || recurrence.count! < 2 || recurrence.count! > MAX_OCCURRENCES))
		violations.push({ rule: 'recurrence', messageKey: 'recurrence_count_range', params: { max: MAX_OCCURRENCES } });
	if (hasUntil && !(recurrence.until! > seoulDate(firstStart)))
		violations.push({ rule: 'recurrence', messageKey: 'recurrence_until_after_start' });
	return violations;
}

/**
 * The occurrences of a weekly series in Seoul wall-clock time: same weekday and time each week.
 * The dates come from `rrule` on floating Seoul dates (`rule-dates.ts`); the time of day is put
 * back with `seoulInstant`, so the machine's time zone never enters.
 */
export function occurrences(first: { start: Date; end: Date }, recurrence: Recurrence): { start: Date; end: Date }[] {
	const startDate = seoulDate(first.start);
	const startMinute = seoulMinuteOfDay(first.start);
	const lengthMs = first.end.getTime() - first.start.getTime();
	if (!Object.hasOwn(STEP_DAYS, recurrence.frequency)) return [];
	const interval = STEP_DAYS[recurrence.frequency] === 14 ? 2 : 1;
	const { dates } = expandDates(
		startDate,
		{ kind: 'weekly', weekdays: [mondayIndex(startDate)], interval },
		{ until: recurrence.until || undefined, count: recurrence.count }
	);
	return dates.map((date) => {
		const start = seoulInstant(date, startMinute);
		return { start, end: new Date(start.getTime() + lengthMs) };
	});
}

export { MINUTE_MS };
