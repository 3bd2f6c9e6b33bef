import { json } from '@sveltejs/kit';
import { bookingRequest } from '$lib/schemas/reservations';
import { DomainError } from '$lib/server/errors';
import { requireApiUser } from '$lib/server/http/api';
import { ensureInput } from '$lib/server/http/input';
import { problemFromError, readJson } from '$lib/server/http/problem';
import * as idempotency from '$lib/server/idempotency';
import * as reservations from '$lib/server/reservations';
import type { RequestHandler } from './$types';

function seriesAnswer(series: reservations.CreatedSeries): idempotency.StoredAnswer {
	return { status: 201, body: { ...series.first, seriesId: series.seriesId, created: series.created, skipped: series.skipped } };
}

/**
 * Book a room, or a weekly series with `recurrence`. The Idempotency-Key makes retries safe:
 * the same key and body get the first answer again, whatever it was.
 */
export const POST: RequestHandler = async (event) => {
	let answer: idempotency.StoredAnswer;
	try {
		const user = requireApiUser(event);
		const key = idempotency.checkKey(event.request.headers.get('idempotency-key'));
		const body = await readJson(event.request);
		answer = await idempotency.once(user.id, key, idempotency.hashRequest(body), async (claim) => {
			try {
				const value = ensureInput(bookingRequest, body);
				// The key and its answer are written with the booking itself (one statement or transaction).
				if (value.recurrence) {
					const series = await reservations.createSeries(user, value, { alsoWrite: (s) => claim.insert(seriesAnswer(s)) });
					return { ...seriesAnswer(series), kept: true };
				}
				const created = await reservations.create(user, value, { alsoWrite: (c) => claim.insert({ status: 201, body: c }) });
				return { status: 201, body: created, kept: true };
			} catch (error) {
				// Refusals are answers to keep; anything else (the key taken by another request
				// included) is idempotency.once's or the outer handler's business.
				if (!(error instanceof DomainError)) throw error;
				const response = problemFromError(error, event.locals.requestId);
				return { status: response.status, body: await response.json() };
			}
		});
	} catch (error) {
		return problemFromError(error, event.locals.requestId);
	}
	const contentType = answer.status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json';
	return json(answer.body, { status: answer.status, headers: { 'content-type': contentType } });
};
