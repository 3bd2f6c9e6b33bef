import { json } from '@sveltejs/kit';
import { bookingRequest } from '$lib/schemas/reservations';
import { requireApiUser } from '$lib/server/http/api';
import { ensureInput } from '$lib/server/http/input';
import { problemFromError, readJson } from '$lib/server/http/problem';
import { say } from '$lib/server/i18n';
import * as idempotency from '$lib/server/idempotency';
import * as bookings from '$lib/server/rooms/bookings';
import type { RequestHandler } from './$types';

/**
 * Book a room, or a weekly series with `recurrence`. The Idempotency-Key makes retries safe:
 * the same key and body get the first answer again, whatever it was.
 */
export const POST: RequestHandler = async (event) => {
	try {
		const user = requireApiUser(event);
		const key = idempotency.checkKey(event.request.headers.get('idempotency-key'));
		const body = await readJson(event.request);
		const input = ensureInput(bookingRequest, body);
		const result = await bookings.book(user, input, { idempotency: { key, requestHash: idempotency.hashRequest(body) } });
		if (result.outcome !== 'created') return problemFromError(bookings.refusalError(result), event.locals.requestId);
		const [first] = result.created;
		// A skipped date says why, as the preview does: each broken rule in the request's language, or the clashing holds.
		const skipped = result.skipped.map(({ start, end, state, violations, conflicts }) => ({
			start,
			end,
			state,
			violations: (violations ?? []).map((v) => ({ rule: v.rule, message: say(v.messageKey, v.params) })),
			conflicts: (conflicts ?? []).map(({ start, end }) => ({ start, end }))
		}));
		const series = result.seriesId && { ...first, seriesId: result.seriesId, created: result.created, skipped };
		return json(series || first, { status: 201 });
	} catch (error) {
		return problemFromError(error, event.locals.requestId);
	}
};
