import { error } from '@sveltejs/kit';
import { calendarResponse } from '$lib/server/calendar/bookings';
import { roomBusyEvents } from '$lib/server/calendar/room-feed';
import * as clock from '$lib/server/clock';
import type { RequestHandler } from './$types';

/** A room's public busy/free feed (.ics) for calendar apps: the next 90 days, no names or purposes. */
export const GET: RequestHandler = async ({ params, url }) => {
	const now = clock.now();
	const feed = await roomBusyEvents(params.id, now, url.origin);
	if (!feed) error(404, { message: 'not found' });
	return calendarResponse(feed.events, 'room-busy.ics', now, feed.name);
};
