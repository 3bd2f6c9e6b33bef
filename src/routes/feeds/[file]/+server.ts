import { error } from '@sveltejs/kit';
import { bookingEvent, calendarResponse } from '$lib/server/calendar/bookings';
import * as feeds from '$lib/server/calendar/feeds';
import * as clock from '$lib/server/clock';
import { inLocale } from '$lib/server/i18n';
import { calendarOfMine } from '$lib/server/rooms/mine';
import type { RequestHandler } from './$types';

/** A person's bookings for calendar apps: /feeds/<secret>.ics, in the language of their account. */
export const GET: RequestHandler = async ({ params, url }) => {
	const token = params.file.endsWith('.ics') ? params.file.slice(0, -'.ics'.length) : '';
	const now = clock.now();
	const owner = await feeds.ownerOf(token, now);
	// Unknown, revoked or malformed: the same 404 as any other address.
	if (!owner) error(404, { message: 'not found' });
	const locale = owner.locale === 'en' ? 'en' : 'ko';
	return inLocale(locale, async () => {
		const bookings = await calendarOfMine(owner, { now });
		return calendarResponse(
			bookings.map((b) => bookingEvent(b, { locale, origin: url.origin })),
			'bookings.ics',
			now
		);
	});
};
