import { api, requireApiUser } from '$lib/server/http/api';
import { readJson } from '$lib/server/http/problem';
import * as reservations from '$lib/server/reservations';
import type { RequestHandler } from './$types';

/** Body: {"reason": "..."} (required; the booker reads it). */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		const body = (await readJson(event.request)) as { reason?: unknown } | null;
		const reason = typeof body?.reason === 'string' ? body.reason : '';
		return { body: await reservations.reject(user, event.params.id, reason) };
	});
