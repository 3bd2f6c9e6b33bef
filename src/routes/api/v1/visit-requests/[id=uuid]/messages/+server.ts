import { visitMessageInput } from '$lib/schemas/visits';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import * as coordination from '$lib/server/visits/coordination';
import type { RequestHandler } from './$types';

/** Write to the delegation: on the timeline and e-mailed; the reply comes through the private link. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const actor = requireApiUser(event);
		const { body } = await readBody(event.request, visitMessageInput);
		await coordination.message(actor, event.params.id, body);
		return { status: 201, body: await coordination.detail(actor, event.params.id) };
	});
