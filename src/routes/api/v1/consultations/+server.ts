import { json } from '@sveltejs/kit';
import { consultationRequest } from '$lib/schemas/consultations';
import * as consultations from '$lib/server/consultations/bookings';
import { api, requireApiUser } from '$lib/server/http/api';
import { ensureInput } from '$lib/server/http/input';
import { problemFromError, readJson } from '$lib/server/http/problem';
import * as idempotency from '$lib/server/idempotency';
import type { RequestHandler } from './$types';

/** The caller's consultations: a school user's school's, department staff's department's queue. */
export const GET: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		return { body: { consultations: await consultations.listFor(user) } };
	});

/**
 * Book a consultation (school users). The Idempotency-Key makes retries safe: the same key and
 * body get the first answer again, whatever it was.
 */
export const POST: RequestHandler = async (event) => {
	try {
		const user = requireApiUser(event);
		const key = idempotency.checkKey(event.request.headers.get('idempotency-key'));
		const body = await readJson(event.request);
		const input = ensureInput(consultationRequest, body);
		const result = await consultations.book(user, input, { idempotency: { key, requestHash: idempotency.hashRequest(body) } });
		if (result.outcome !== 'created') return problemFromError(consultations.refusalError(result), event.locals.requestId);
		return json(await consultations.created(result.created[0]!.id), { status: 201 });
	} catch (error) {
		return problemFromError(error, event.locals.requestId);
	}
};
