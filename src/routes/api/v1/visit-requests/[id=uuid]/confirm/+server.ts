import { visitDateChoice } from '$lib/schemas/visits';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import * as coordination from '$lib/server/visits/coordination';
import type { RequestHandler } from './$types';

/** Confirm the visit on a date; the delegation is mailed. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const actor = requireApiUser(event);
		const input = await readBody(event.request, visitDateChoice);
		await coordination.confirm(actor, event.params.id, input);
		return { body: await coordination.detail(actor, event.params.id) };
	});
