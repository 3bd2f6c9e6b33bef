import { MINUTE_MS } from '../../time/seoul';
import { addDays, seoulDate, seoulInstant, seoulMinuteOfDay } from '../../time/seoul';
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
 * The occurrences of a weekly series in Seoul wall-clock time: same weekday and time each week
 * (Seoul has no daylight saving, but the maths does not rely on it).
 */
export function occurrences(first: { start: Date; end: Date }, recurrence: Recurrence): { start: Date; end: Date }[] {
	const startDate = seoulDate(first.start);
	const startMinute = seoulMinuteOfDay(first.start);
	const lengthMs = first.end.getTime() - first.start.getTime();
	const step = STEP_DAYS[recurrence.frequency];
	const limit = Math.min(recurrence.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
	const result: { start: Date; end: Date }[] = [];
	for (let i = 0; i < limit; i++) {
		const date = addDays(startDate, i * step);
		if (recurrence.until && date > recurrence.until) break;
		const start = seoulInstant(date, startMinute);
		result.push({ start, end: new Date(start.getTime() + lengthMs) });
	}
	return result;
}

export { MINUTE_MS };
