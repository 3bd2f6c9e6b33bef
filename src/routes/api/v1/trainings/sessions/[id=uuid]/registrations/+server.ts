import { json } from '@sveltejs/kit';
import { registrationInput } from '$lib/schemas/trainings';
import { ConflictError } from '$lib/server/errors';
import { requireApiUser } from '$lib/server/http/api';
import { ensureInput } from '$lib/server/http/input';
import { problemFromError, readJson } from '$lib/server/http/problem';
import * as idempotency from '$lib/server/idempotency';
import * as registrations from '$lib/server/trainings/registrations';
import type { RequestHandler } from './$types';

/**
 * Register people for a session (a school user for their school's staff). The Idempotency-Key is
 * written with the registrations in their transaction: a retry gets the first answer, never a
 * second seat. 409 when a person holds another session of the programme; 422 before opening,
 * after closing, or over the school's cap.
 */
export const POST: RequestHandler = async (event) => {
	try {
		const user = requireApiUser(event);
		const key = idempotency.checkKey(event.request.headers.get('idempotency-key'));
		const body = await readJson(event.request);
		const input = ensureInput(registrationInput, body);
		const answer = await idempotency.once(user.id, key, idempotency.hashRequest(body), async (claim) => {
			try {
				const registered = await registrations.register(user, event.params.id, input.participants, { alsoWrite: (a) => claim.insert(a) });
				return { status: 201, body: { registrations: registered }, kept: true };
			} catch (error) {
				// A retry meets the seat its first try took before it meets the key: answer as the first time.
				if (error instanceof ConflictError && error.messageKey === 'training_person_holds' && (await idempotency.isAnswered(user.id, key))) throw new idempotency.KeyTaken();
				throw error;
			}
		});
		return json(answer.body, { status: answer.status });
	} catch (error) {
		return problemFromError(error, event.locals.requestId);
	}
};
