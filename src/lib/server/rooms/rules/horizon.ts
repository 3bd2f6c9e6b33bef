import type { Rule } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A booking starts no further ahead than the horizon; exactly at the limit is allowed. */
export const checkHorizon: Rule = ({ request, rules, now }) =>
	request.start.getTime() - now.getTime() > rules.horizonDays * DAY_MS
		? [{ rule: 'horizon', messageKey: 'rule_horizon', params: { days: rules.horizonDays } }]
		: [];
