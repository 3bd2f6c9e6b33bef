import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { bookingEvent, calendarResponse } from '$lib/server/calendar/bookings';
import * as clock from '$lib/server/clock';
import { NotFoundError } from '$lib/server/errors';
import { requireUser } from '$lib/server/guards';
import { findVisible } from '$lib/server/rooms/mine';
import type { RequestHandler } from './$types';

/** One booking as an .ics file, for whoever may see that booking. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const now = clock.now();
	try {
		const booking = await findVisible(user, event.params.id, { now });
		const day = booking.start.slice(0, 10).replace(/-/g, '');
		return calendarResponse([bookingEvent(booking, { locale: getLocale(), origin: event.url.origin })], `booking-${day}.ics`, now);
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
};
