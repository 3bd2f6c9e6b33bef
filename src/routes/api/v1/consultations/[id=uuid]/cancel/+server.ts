import { cancelRequest } from '$lib/schemas/consultations';
import * as consultations from '$lib/server/consultations/bookings';
import { api, requireApiUser } from '$lib/server/http/api';
import { ensureInput } from '$lib/server/http/input';
import { readJson } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** Body (optional for the school): {"reason": "..."}; the department must give a reason, which the school is told. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		const hasBody = event.request.headers.get('content-type') !== null;
		const { reason } = ensureInput(cancelRequest, (hasBody ? await readJson(event.request) : null) ?? {});
		await consultations.cancel(user, event.params.id, reason || null);
		return { body: await consultations.get(user, event.params.id, { clientAddress: event.getClientAddress() }) };
	});
