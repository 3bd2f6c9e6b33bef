import { noteRequest } from '$lib/schemas/consultations';
import * as consultations from '$lib/server/consultations/bookings';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import type { RequestHandler } from './$types';

/** The department's outcome note, body {"note"}; never shown to the school. */
export const PUT: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		const { note } = await readBody(event.request, noteRequest);
		await consultations.writeNote(user, event.params.id, note);
		return { body: await consultations.get(user, event.params.id, { clientAddress: event.getClientAddress() }) };
	});
