import { getLocale } from '$lib/paraglide/runtime';
import { ValidationError } from '$lib/server/errors';
import { api, localName } from '$lib/server/http/api';
import { busyByRoom, seoulDays } from '$lib/server/reservations/availability';
import * as rooms from '$lib/server/rooms';
import { isIsoDate } from '$lib/time/seoul';
import type { RequestHandler } from './$types';

/** Every room's held intervals on one Seoul day; details only on the caller's own bookings. */
export const GET: RequestHandler = (event) =>
	api(event, async () => {
		const date = event.url.searchParams.get('date') ?? '';
		if (!isIsoDate(date)) throw new ValidationError([{ rule: 'date', messageKey: 'availability_date_invalid' }]);
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
