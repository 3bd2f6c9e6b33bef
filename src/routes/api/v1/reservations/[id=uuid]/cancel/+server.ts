import { cancelRequest } from '$lib/schemas/reservations';
import { api, requireApiUser } from '$lib/server/http/api';
import { ensureInput } from '$lib/server/http/input';
import { readJson } from '$lib/server/http/problem';
import * as reservations from '$lib/server/rooms/bookings';
import type { RequestHandler } from './$types';

/** Body (optional): {"scope": "one" | "following", "reason": "..."}. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		const hasBody = event.request.headers.get('content-type') !== null;
		const options = ensureInput(cancelRequest, (hasBody ? await readJson(event.request) : null) ?? {});
		return { body: await reservations.cancel(user, event.params.id, options) };
	});
