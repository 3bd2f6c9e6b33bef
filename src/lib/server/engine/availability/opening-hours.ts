import { formatMinuteOfDay } from '../../../time/format';
import { DAY_MINUTES, seoulDate, seoulMinuteOfDay, seoulWeekday } from '../../../time/seoul';
import type { AvailabilityCheck } from './types';

/** The booking lies inside one day's opening hours (Asia/Seoul). */
export const checkOpeningHours: AvailabilityCheck = ({ request, openingHours }) => {
	const day = seoulDate(request.start);
	const hours = openingHours.find((h) => h.weekday === seoulWeekday(request.start));
	if (!hours) return [{ rule: 'opening_hours', messageKey: 'rule_closed_day', params: { date: day } }];
	const startMinute = seoulMinuteOfDay(request.start);
	// An end at the next midnight counts as minute 1440 of this day.
	const endsNextMidnight = seoulDate(request.end) !== day && seoulMinuteOfDay(request.end) === 0;
	const sameDay = seoulDate(request.end) === day || endsNextMidnight;
	const endMinute = endsNextMidnight ? DAY_MINUTES : seoulMinuteOfDay(request.end);
	if (sameDay && startMinute >= hours.opensMinute && endMinute <= hours.closesMinute) return [];
	return [
		{
			rule: 'opening_hours',
			messageKey: 'rule_outside_hours',
			params: { opens: formatMinuteOfDay(hours.opensMinute), closes: formatMinuteOfDay(hours.closesMinute) }
		}
	];
};
