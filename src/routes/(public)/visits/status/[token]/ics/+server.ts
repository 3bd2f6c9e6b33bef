import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { visitToken } from '$lib/schemas/visits';
import { calendarResponse } from '$lib/server/calendar/bookings';
import { visitEvent } from '$lib/server/calendar/visits';
import * as clock from '$lib/server/clock';
import { orNotFound } from '$lib/server/http/not-found';
import * as visits from '$lib/server/visits/requests';
import type { RequestHandler } from './$types';

/** The visit's programme as an .ics file, for the holder of the private link; 404 before there is one. */
export const GET: RequestHandler = async (event) => {
	if (!visitToken.safeParse(event.params.token).success) error(404, { message: 'not found' });
	const view = await orNotFound(visits.byToken(event.params.token));
	const entry = visitEvent(view, { locale: getLocale() === 'en' ? 'en' : 'ko', origin: event.url.origin });
	if (!entry) error(404, { message: 'not found' });
	const response = calendarResponse([entry], `visit-${view.reference}.ics`, clock.now());
	response.headers.set('x-robots-tag', 'noindex');
	return response;
};
