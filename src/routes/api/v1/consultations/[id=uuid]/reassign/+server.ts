import { reassignRequest } from '$lib/schemas/consultations';
import * as consultations from '$lib/server/consultations/bookings';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import type { RequestHandler } from './$types';

/** The department: body {"consultantId"}, a colleague free at the same time. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		const { consultantId } = await readBody(event.request, reassignRequest);
		return { body: await consultations.reassign(user, event.params.id, consultantId) };
	});
