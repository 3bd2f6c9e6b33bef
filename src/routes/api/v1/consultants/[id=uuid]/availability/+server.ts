import * as availability from '$lib/server/consultations/availability';
import { api, requireApiUser } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * A consultant's availability for their department's staff (the lead: anyone of it; a consultant:
 * their own): the weekly hours, the exceptions from today, and when they work on each of the next
 * 14 days (hours less leave, holidays and closures — not less their bookings).
 */
export const GET: RequestHandler = (event) =>
	api(event, async () => {
		const actor = requireApiUser(event);
		const [{ hours, exceptions }, days] = await Promise.all([
			availability.availabilityOf(actor, event.params.id),
			availability.preview(actor, event.params.id)
		]);
		return {
			body: {
				hours: hours.map((h) => ({ weekday: h.weekday, start: hhmm(h.startMinute), end: hhmm(h.endMinute) })),
				exceptions: exceptions.map((e) => ({
					id: e.id,
					date: e.date,
					kind: e.kind === 'extra' ? 'extra' : e.startMinute === null ? 'off_day' : 'off_hours',
					start: e.startMinute === null ? null : hhmm(e.startMinute),
					end: e.endMinute === null ? null : hhmm(e.endMinute),
					note: e.note
				})),
				workingDays: days
			}
		};
	});
