import { getLocale } from '$lib/paraglide/runtime';
import { dayQuery } from '$lib/schemas/availability';
import { api, localName } from '$lib/server/http/api';
import { readQuery } from '$lib/server/http/input';
import { busyByRoom, seoulDays } from '$lib/server/rooms/availability';
import * as rooms from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** Every room's held intervals on one Seoul day; details only on the caller's own bookings. */
export const GET: RequestHandler = (event) =>
	api(event, async () => {
		const { date } = readQuery(event.url, dayQuery);
		const { from, to } = seoulDays(date);
		const [list, busy] = await Promise.all([rooms.catalogue(), busyByRoom(from, to, event.locals.user)]);
		const locale = getLocale();
		return {
			body: {
				date,
				rooms: list.map((r) => ({ id: r.resourceId, name: localName(locale, r), busy: busy.get(r.resourceId) ?? [] }))
			}
		};
	});
