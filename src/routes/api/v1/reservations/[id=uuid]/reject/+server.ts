import * as approvals from '$lib/server/facility/approvals';
import { api, requireApiUser } from '$lib/server/http/api';
import { readJson } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** Facility staff: body {"reason": "..."} (required; the booker reads it in the e-mail). */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		const body = (await readJson(event.request)) as { reason?: unknown } | null;
		const reason = typeof body?.reason === 'string' ? body.reason : '';
		const d = await approvals.reject(user, event.params.id, reason);
		return { body: { id: d.id, roomId: d.roomId, start: d.start.toISOString(), end: d.end.toISOString(), status: d.status } };
	});
