import { getLocale } from '$lib/paraglide/runtime';
import { bookingEvent, calendarResponse } from '$lib/server/calendar/bookings';
import * as clock from '$lib/server/clock';
import { requireUser } from '$lib/server/guards';
import { calendarOfMine } from '$lib/server/rooms/mine';
import type { RequestHandler } from './$types';

/** All of the user's upcoming bookings (cancelled ones too, so calendars drop them) as one .ics file. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const now = clock.now();
	const bookings = await calendarOfMine(user, { now });
	const locale = getLocale();
	return calendarResponse(
		bookings.map((b) => bookingEvent(b, { locale, origin: event.url.origin })),
		'my-bookings.ics',
		now
	);
};
