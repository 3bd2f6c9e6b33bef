import { minutesBetween } from '../../../time/seoul';
import type { Rule } from './types';

/** A school's monthly hours in a room, counting what it already holds that month. */
export const checkQuota: Rule = ({ request, rules, actor, quotaUsedMinutes }) => {
	if (rules.monthlyQuotaMinutes === null || !actor.schoolId) return [];
	const wanted = minutesBetween(request.start, request.end);
	if (quotaUsedMinutes + wanted <= rules.monthlyQuotaMinutes) return [];
	const remaining = Math.max(0, rules.monthlyQuotaMinutes - quotaUsedMinutes);
	return [
		{
			rule: 'quota',
			messageKey: 'rule_quota',
			params: { hours: rules.monthlyQuotaMinutes / 60, remaining: Math.round((remaining / 60) * 10) / 10 }
		}
	];
};
