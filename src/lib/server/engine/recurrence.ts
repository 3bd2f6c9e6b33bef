import { seoulDate, seoulInstant, seoulMinuteOfDay, type IsoDate } from '../../time/seoul';
import { expandDates, mondayIndex, ruleString, type RepeatRule } from './rule-dates';
import { MAX_OCCURRENCES, type Recurrence } from '../../schemas/reservations';

export { MAX_OCCURRENCES, type Recurrence };

/** The engine's rule of a parsed recurrence (a weekly rule without weekdays repeats the first's). */
export function repeatRuleOf(recurrence: Recurrence, firstDate: IsoDate): RepeatRule {
	switch (recurrence.kind) {
		case 'weekly':
			return {
				kind: 'weekly',
				weekdays: [...new Set(recurrence.weekdays ?? [mondayIndex(firstDate)])].sort((a, b) => a - b),
				interval: recurrence.interval ?? 1
			};
		case 'weekdays':
			return { kind: 'weekdays' };
		case 'monthlyDate':
			return { kind: 'monthlyDate' };
		case 'monthlyWeekday':
			return { kind: 'monthlyWeekday', nth: recurrence.nth };
	}
}

/** What a series row keeps: the rule as an RRULE string, its kind and parameters, the dates left out. */
export interface SeriesDescription {
	rule: string;
	params: RepeatRule & { until?: IsoDate; count?: number };
	exceptions: IsoDate[];
}

export function describeSeries(firstStart: Date, recurrence: Recurrence): SeriesDescription {
	const firstDate = seoulDate(firstStart);
	const rule = repeatRuleOf(recurrence, firstDate);
	const bounds = recurrence.until ? { until: recurrence.until } : { count: recurrence.count };
	return {
		rule: ruleString(firstDate, rule, bounds),
		params: { ...rule, ...bounds },
		exceptions: [...new Set(recurrence.except ?? [])].sort()
	};
}

/**
 * The occurrences of a series in Seoul wall-clock time: the dates come from `rrule` on floating
 * Seoul dates (`rule-dates.ts`), the time of day is put back with `seoulInstant`, so the
 * machine's time zone never enters. `skippedMonths`: months a by-date rule passed over (no 31st).
 */
export function expandSeries(
	first: { start: Date; end: Date },
	recurrence: Recurrence
): { occurrences: { start: Date; end: Date }[]; skippedMonths: string[] } {
	const startDate = seoulDate(first.start);
	const startMinute = seoulMinuteOfDay(first.start);
	const lengthMs = first.end.getTime() - first.start.getTime();
	const { dates, skippedMonths } = expandDates(startDate, repeatRuleOf(recurrence, startDate), {
		until: recurrence.until || undefined,
		count: recurrence.count,
		except: recurrence.except
	});
	return {
		occurrences: dates.map((date) => {
			const start = seoulInstant(date, startMinute);
			return { start, end: new Date(start.getTime() + lengthMs) };
		}),
		skippedMonths
	};
}

export function occurrences(first: { start: Date; end: Date }, recurrence: Recurrence): { start: Date; end: Date }[] {
	return expandSeries(first, recurrence).occurrences;
}
