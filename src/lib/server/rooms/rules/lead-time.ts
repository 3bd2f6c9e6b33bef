import { MINUTE_MS } from '../../../time/seoul';
import type { Rule } from './types';

/** A booking starts at least the lead time from now; exactly at the limit is allowed. */
export const checkLeadTime: Rule = ({ request, rules, now }) => {
	const earliest = now.getTime() + rules.leadTimeMinutes * MINUTE_MS;
	if (request.start.getTime() >= earliest) return [];
	return request.start.getTime() < now.getTime()
		? [{ rule: 'lead_time', messageKey: 'rule_in_past' }]
		: [{ rule: 'lead_time', messageKey: 'rule_lead_time', params: { leadMinutes: rules.leadTimeMinutes } }];
};
