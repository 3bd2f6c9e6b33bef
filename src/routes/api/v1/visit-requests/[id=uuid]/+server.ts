import { api, requireApiUser } from '$lib/server/http/api';
import * as coordination from '$lib/server/visits/coordination';
import type { RequestHandler } from './$types';

/** One request as the coordinators see it: the delegation's view, its id and the decisions its status allows. */
export const GET: RequestHandler = (event) =>
	api(event, async () => ({ body: await coordination.detail(requireApiUser(event), event.params.id) }));
