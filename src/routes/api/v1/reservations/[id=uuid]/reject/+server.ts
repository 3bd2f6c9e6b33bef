import { rejectRequest } from '$lib/schemas/reservations';
import * as approvals from '$lib/server/facility/approvals';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import type { RequestHandler } from './$types';

/** Facility staff: body {"reason": "..."} (required; the booker reads it in the e-mail). */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		const { reason } = await readBody(event.request, rejectRequest);
		const d = await approvals.reject(user, event.params.id, reason);
		return { body: { id: d.id, roomId: d.roomId, start: d.start.toISOString(), end: d.end.toISOString(), status: d.status } };
	});
