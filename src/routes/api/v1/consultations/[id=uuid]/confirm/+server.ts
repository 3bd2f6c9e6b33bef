import * as consultations from '$lib/server/consultations/bookings';
import { api, requireApiUser } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** The department confirms a request; the school is e-mailed. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		await consultations.confirm(user, event.params.id);
		return { body: await consultations.get(user, event.params.id, { clientAddress: event.getClientAddress() }) };
	});
