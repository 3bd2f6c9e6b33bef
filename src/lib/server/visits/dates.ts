/**
 * Which preferred dates a delegation may ask for: a weekday that is not a public holiday, from
 * tomorrow (Seoul) to a year ahead. Pure: the caller gives today and the holiday table.
 */
import { addDays, weekdayOf, type IsoDate } from '../../time/seoul';
import type { Violation } from '../errors';

/** How far ahead a visit can be requested. */
export const VISIT_HORIZON_DAYS = 365;

/** One violation per refused date, with its place in the list (n from 1) and, for a holiday, its name. */
export function checkPreferredDates(
	dates: readonly { date: IsoDate }[],
	today: IsoDate,
	holidayNames: (date: IsoDate) => readonly string[] | null
): Violation[] {
	const last = addDays(today, VISIT_HORIZON_DAYS);
	const violations: Violation[] = [];
	dates.forEach(({ date }, i) => {
		const n = i + 1;
		const weekday = weekdayOf(date);
		const holiday = holidayNames(date);
		if (date <= today) violations.push({ rule: 'preferredDates', messageKey: 'visit_date_past', params: { n } });
		else if (date > last) violations.push({ rule: 'preferredDates', messageKey: 'visit_date_too_far', params: { n, days: VISIT_HORIZON_DAYS } });
		else if (weekday === 0 || weekday === 6) violations.push({ rule: 'preferredDates', messageKey: 'visit_date_weekend', params: { n } });
		else if (holiday?.length) violations.push({ rule: 'preferredDates', messageKey: 'visit_date_holiday', params: { n, holiday: holiday.join(', ') } });
	});
	return violations;
}
