import { visitDeclineForm } from '$lib/schemas/visits';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import * as coordination from '$lib/server/visits/coordination';
import type { RequestHandler } from './$types';

/** Decline a new or waiting request with a reason the delegation reads. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const actor = requireApiUser(event);
		const { reason } = await readBody(event.request, visitDeclineForm);
		await coordination.decline(actor, event.params.id, reason);
		return { body: await coordination.detail(actor, event.params.id) };
	});
