import { visitInboxQuery } from '$lib/schemas/visits';
import { api, requireApiUser } from '$lib/server/http/api';
import { readQuery } from '$lib/server/http/input';
import * as coordination from '$lib/server/visits/coordination';
import type { RequestHandler } from './$types';

/** The coordinators' inbox: the requests of one status and how many each status holds. */
export const GET: RequestHandler = (event) =>
	api(event, async () => {
		const actor = requireApiUser(event);
		const { status } = readQuery(event.url, visitInboxQuery);
		return { body: await coordination.inbox(actor, status) };
	});
