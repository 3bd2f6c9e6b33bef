import { drawInput } from '$lib/schemas/trainings';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import * as registrations from '$lib/server/trainings/registrations';
import type { RequestHandler } from './$types';

/** Draw a lottery session once its period is over (staff of the department): the seed and the log are published with it. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const actor = requireApiUser(event);
		const { seed } = await readBody(event.request, drawInput);
		return { body: await registrations.draw(actor, event.params.id, seed) };
	});
