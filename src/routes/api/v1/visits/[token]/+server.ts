import { json } from '@sveltejs/kit';
import { visitToken } from '$lib/schemas/visits';
import { NotFoundError } from '$lib/server/errors';
import { api } from '$lib/server/http/api';
import * as visits from '$lib/server/visits/requests';
import type { RequestHandler } from './$types';

/** The delegation's view through its private link's token; any other token is a 404. */
export const GET: RequestHandler = (event) =>
	api(event, async () => {
		if (!visitToken.safeParse(event.params.token).success) throw new NotFoundError();
		return json(await visits.byToken(event.params.token), { headers: { 'cache-control': 'private, no-store' } });
	});
