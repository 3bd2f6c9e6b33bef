import { api, requireApiUser } from '$lib/server/http/api';
import { readJson } from '$lib/server/http/problem';
import * as reservations from '$lib/server/reservations';
import type { RequestHandler } from './$types';

/** Body (optional): {"scope": "one" | "following", "reason": "..."}. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		const hasBody = event.request.headers.get('content-type') !== null;
		const body = ((hasBody ? await readJson(event.request) : null) ?? {}) as { scope?: unknown; reason?: unknown };
		const result = await reservations.cancel(user, event.params.id, {
			scope: body.scope === 'following' ? 'following' : 'one',
			reason: typeof body.reason === 'string' ? body.reason.slice(0, 500) : undefined
		});
		return { body: result };
	});
