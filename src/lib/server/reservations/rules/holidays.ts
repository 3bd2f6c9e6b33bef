import { seoulDate } from '../../../time/seoul';
import type { Rule } from './types';

/** Public holidays are closed unless the room's rules say otherwise. */
export const checkHoliday: Rule = ({ request, rules, holidayNames }) => {
	if (!rules.closedOnHolidays) return [];
	const date = seoulDate(request.start);
	const names = holidayNames(date);
	return names ? [{ rule: 'holiday', messageKey: 'rule_holiday', params: { date, holiday: names.join(', ') } }] : [];
};
