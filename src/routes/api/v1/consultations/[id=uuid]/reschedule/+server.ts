import { rescheduleRequest } from '$lib/schemas/consultations';
import * as consultations from '$lib/server/consultations/bookings';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import type { RequestHandler } from './$types';

/** Body {"start"}: another offered slot of the same consultant (the school before the cutoff, the department before the start). */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		const { start } = await readBody(event.request, rescheduleRequest);
		return { body: await consultations.reschedule(user, event.params.id, start) };
	});
