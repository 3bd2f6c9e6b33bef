import type { AvailabilityCheck } from './types';

/** No booking may overlap a closure (half-open: touching is fine). */
export const checkClosures: AvailabilityCheck = ({ request, closures }) =>
	closures
		.filter((c) => c.startsAt < request.end && request.start < c.endsAt)
		.map((c) => ({
			rule: 'closure',
			messageKey: 'rule_closure',
			// Instants, said as dates and times in the reader's language (i18n.localizeParams).
			params: { from: c.startsAt.toISOString(), to: c.endsAt.toISOString(), reason: c.reason }
		}));
