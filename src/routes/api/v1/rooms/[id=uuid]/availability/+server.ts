import { rangeQuery } from '$lib/schemas/availability';
import { NotFoundError } from '$lib/server/errors';
import { api } from '$lib/server/http/api';
import { readQuery } from '$lib/server/http/input';
import { busyByRoom } from '$lib/server/rooms/availability';
import * as rooms from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** `from`/`to`: ISO instants with an offset, or Seoul dates (a date `to` is inclusive). */
export const GET: RequestHandler = (event) =>
	api(event, async () => {
		const room = await rooms.find(event.params.id);
		if (!room) throw new NotFoundError('room_not_found');
		const { from, to } = readQuery(event.url, rangeQuery);
		const busy = await busyByRoom(from, to, event.locals.user, [room.resourceId]);
		return { body: { roomId: room.resourceId, from: from.toISOString(), to: to.toISOString(), busy: busy.get(room.resourceId) ?? [] } };
	});
