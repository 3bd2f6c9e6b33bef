import * as consultations from '$lib/server/consultations/bookings';
import { api, requireApiUser } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** The department marks it completed (after its end). */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		await consultations.finish(user, event.params.id, 'completed');
		return { body: await consultations.get(user, event.params.id, { clientAddress: event.getClientAddress() }) };
	});
