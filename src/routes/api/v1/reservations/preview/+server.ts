import { bookingRequest } from '$lib/schemas/reservations';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import { say } from '$lib/server/i18n';
import * as reservations from '$lib/server/rooms/bookings';
import { describeSummary, skippedMonthsText } from '$lib/time/repeat-text';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** Check a booking (or each occurrence of a series) against the rules and the calendar, booking nothing. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		const value = await readBody(event.request, bookingRequest);
		const occurrences = await reservations.previewSeries(user, value);
		const outline = reservations.seriesOutline(value);
		const locale = getLocale();
		return {
			body: {
				...(outline && {
					repeat: {
						description: describeSummary(outline.repeat, locale),
						skippedMonths: outline.skippedMonths,
						skippedNote: skippedMonthsText(outline.skippedMonths, outline.repeat.firstDate, locale)
					}
				}),
				occurrences: occurrences.map((o) => ({
					start: o.start,
					end: o.end,
					state: o.state,
					violations: o.violations.map((v) => ({ rule: v.rule, message: say(v.messageKey, v.params) })),
					conflicts: o.conflicts
				}))
			}
		};
	});
