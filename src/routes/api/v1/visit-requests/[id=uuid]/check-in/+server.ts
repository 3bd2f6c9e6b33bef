import { visitCheckInMark } from '$lib/schemas/visits';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import * as checkin from '$lib/server/visits/checkin';
import type { RequestHandler } from './$types';

/** Mark a confirmed visit arrived (on its day) or not come (on its day or after): the visit is done. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const actor = requireApiUser(event);
		const { attendance } = await readBody(event.request, visitCheckInMark);
		return { body: await checkin.checkIn(actor, { id: event.params.id }, attendance) };
	});
