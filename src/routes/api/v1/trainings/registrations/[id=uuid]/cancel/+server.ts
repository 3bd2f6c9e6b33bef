import { api, requireApiUser } from '$lib/server/http/api';
import * as registrations from '$lib/server/trainings/registrations';
import type { RequestHandler } from './$types';

/** Cancel a registration; the seat it held goes to the first person waiting (`promoted`). */
export const POST: RequestHandler = (event) =>
	api(event, async () => ({ body: await registrations.cancel(requireApiUser(event), event.params.id) }));
