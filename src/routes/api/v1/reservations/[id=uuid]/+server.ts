import { editRequest } from '$lib/schemas/reservations';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import * as reservations from '$lib/server/rooms/bookings';
import type { RequestHandler } from './$types';

/** A booking you may edit (yours, or any for facility staff), with the version an edit sends back. */
export const GET: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		return { body: reservations.editedOf(await reservations.getEditable(user, event.params.id)) };
	});

/** Edit in place: body {"roomId","start","end","purpose","attendees"} and optionally "version" (as last seen). */
export const PATCH: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		const input = await readBody(event.request, editRequest);
		return { body: await reservations.edit(user, event.params.id, input) };
	});
