import * as approvals from '$lib/server/facility/approvals';
import { api, requireApiUser } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** Facility staff: confirm a request; the booker is e-mailed. */
export const POST: RequestHandler = (event) =>
	api(event, async () => ({ body: decisionBody(await approvals.approve(requireApiUser(event), event.params.id)) }));

function decisionBody(d: approvals.Decision) {
	return { id: d.id, roomId: d.roomId, start: d.start.toISOString(), end: d.end.toISOString(), status: d.status };
}
