import { minutesBetween } from '../../../time/seoul';
import type { Violation } from '../../errors';
import type { Rule } from './types';

/** The quota violation, saying how much of `quotaMinutes` is left after `usedMinutes` (said as hours and minutes). */
export function quotaViolation(quotaMinutes: number, usedMinutes: number): Violation {
	const remaining = Math.max(0, quotaMinutes - usedMinutes);
	return {
		rule: 'quota',
		messageKey: 'rule_quota',
		params: { quotaMinutes, remainingMinutes: remaining }
	};
}

/**
 * A school's monthly hours in a room, counting what it already holds that month. A pre-check
 * for a quick answer: the engine counts again under the limit's lock when inserting (quota.ts).
 */
export const checkQuota: Rule = ({ request, rules, actor, quotaUsedMinutes }) => {
	if (rules.monthlyQuotaMinutes === null || !actor.schoolId) return [];
	const wanted = minutesBetween(request.start, request.end);
	if (quotaUsedMinutes + wanted <= rules.monthlyQuotaMinutes) return [];
	return [quotaViolation(rules.monthlyQuotaMinutes, quotaUsedMinutes)];
};
