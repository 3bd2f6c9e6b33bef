import { formatMinuteOfDay } from '../../../time/format';
import { seoulDate, seoulMinuteOfDay } from '../../../time/seoul';
import type { Rule } from './types';

const at = (d: Date) => `${seoulDate(d)} ${formatMinuteOfDay(Math.floor(seoulMinuteOfDay(d)))}`;

/** No booking may overlap a closure (half-open: touching is fine). */
export const checkClosures: Rule = ({ request, closures }) =>
	closures
		.filter((c) => c.startsAt < request.end && request.start < c.endsAt)
		.map((c) => ({
			rule: 'closure',
			messageKey: 'rule_closure',
			params: { from: at(c.startsAt), to: at(c.endsAt), reason: c.reason }
		}));
