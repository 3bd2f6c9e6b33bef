import { seoulDate } from '../../../time/seoul';
import type { AvailabilityCheck } from './types';

/** Public holidays are closed unless the resource's rules say otherwise. */
export const checkHoliday: AvailabilityCheck = ({ request, rules, holidayNames }) => {
	if (!rules.closedOnHolidays) return [];
	const date = seoulDate(request.start);
	const names = holidayNames(date);
	return names ? [{ rule: 'holiday', messageKey: 'rule_holiday', params: { date, holiday: names.join(', ') } }] : [];
};
