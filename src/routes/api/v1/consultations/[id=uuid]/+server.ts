import * as consultations from '$lib/server/consultations/bookings';
import { api, requireApiUser } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** One consultation, for its school and its department; anyone else gets the 404 of a missing one. */
export const GET: RequestHandler = (event) =>
	api(event, async () => ({ body: await consultations.get(requireApiUser(event), event.params.id, { clientAddress: event.getClientAddress() }) }));
