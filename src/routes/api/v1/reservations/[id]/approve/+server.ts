import { api, requireApiUser } from '$lib/server/http/api';
import * as reservations from '$lib/server/reservations';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	api(event, async () => ({ body: await reservations.approve(requireApiUser(event), event.params.id) }));
