import { seoulMinuteOfDay } from '../../../time/seoul';
import type { Rule } from './types';

/** Start and end fall on the room's time grid (e.g. every 30 minutes from midnight). */
export const checkGranularity: Rule = ({ request, rules }) => {
	const step = rules.granularityMinutes;
	const onGrid = (d: Date) => Number.isInteger(seoulMinuteOfDay(d)) && seoulMinuteOfDay(d) % step === 0;
	return onGrid(request.start) && onGrid(request.end)
		? []
		: [{ rule: 'granularity', messageKey: 'rule_granularity', params: { stepMinutes: step } }];
};
