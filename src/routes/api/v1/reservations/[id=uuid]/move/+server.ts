import { moveRequest } from '$lib/schemas/reservations';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import * as reservations from '$lib/server/rooms/bookings';
import type { RequestHandler } from './$types';

/** Facility staff: body {"start","end"} (ISO 8601 with offset), optionally "roomId" to move it to another room and "from" (where the mover saw it). */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		const { start, end, roomId, from } = await readBody(event.request, moveRequest);
		return { body: await reservations.move(user, event.params.id, start, end, roomId, from) };
	});
