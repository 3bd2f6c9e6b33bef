import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { consultationEvent } from '$lib/server/calendar/consultations';
import { calendarResponse } from '$lib/server/calendar/bookings';
import * as bookings from '$lib/server/consultations/bookings';
import * as clock from '$lib/server/clock';
import { NotFoundError } from '$lib/server/errors';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** One consultation as an .ics file, for whoever may see it (a 404 for anyone else, as for a missing one). */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const now = clock.now();
	try {
		// No case text in a calendar file, so a download is not a read of a mediation case to log.
		const consultation = await bookings.summary(user, event.params.id);
		const locale = getLocale() === 'en' ? 'en' : 'ko';
		return calendarResponse([consultationEvent(consultation, { locale, origin: event.url.origin })], `consultation-${consultation.reference}.ics`, now);
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
};
