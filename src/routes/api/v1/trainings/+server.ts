import { trainingProgrammeInput } from '$lib/schemas/trainings';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import * as programmes from '$lib/server/trainings/programmes';
import type { RequestHandler } from './$types';

/** Every programme with its sessions and their seats (public: schools see what they can register for). */
export const GET: RequestHandler = (event) => api(event, async () => ({ body: { programmes: await programmes.list() } }));

/** Publish a programme with its sessions (staff of the department, admins); a room taken answers 409 like a booking. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const actor = requireApiUser(event);
		const input = await readBody(event.request, trainingProgrammeInput);
		return { status: 201, body: await programmes.create(actor, input) };
	});
