import { visitProposeForm } from '$lib/schemas/visits';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import * as coordination from '$lib/server/visits/coordination';
import type { RequestHandler } from './$types';

/** Propose another date (from a confirmed visit too: its itinerary's holds are released); the delegation answers through its link. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const actor = requireApiUser(event);
		const input = await readBody(event.request, visitProposeForm);
		await coordination.propose(actor, event.params.id, input, input.message);
		return { body: await coordination.detail(actor, event.params.id) };
	});
