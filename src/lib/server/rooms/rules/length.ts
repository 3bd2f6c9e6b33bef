import { minutesBetween } from '../../../time/seoul';
import type { Rule } from './types';

export const checkLength: Rule = ({ request, rules }) => {
	const minutes = minutesBetween(request.start, request.end);
	if (minutes < rules.minMinutes) return [{ rule: 'length', messageKey: 'rule_too_short', params: { shortestMinutes: rules.minMinutes } }];
	if (minutes > rules.maxMinutes) return [{ rule: 'length', messageKey: 'rule_too_long', params: { longestMinutes: rules.maxMinutes } }];
	return [];
};
