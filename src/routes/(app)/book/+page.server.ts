import { fail } from '@sveltejs/kit';
import { DomainError, TooManyRequestsError, ValidationError, type Violation } from '$lib/server/errors';
import { requirePermission } from '$lib/server/guards';
import { text } from '$lib/server/http/forms';
import { say, throttledMessage } from '$lib/server/i18n';
import * as idempotency from '$lib/server/idempotency';
import * as bookings from '$lib/server/rooms/bookings';
import { bookableRooms } from '$lib/server/rooms/mine';
import { booksForSchools } from '$lib/server/rooms/on-behalf';
import * as org from '$lib/server/org';
import { readForm, readQuery, toRequestBody, type BookingFormValues } from '$lib/schemas/booking-form';
import { bookedOf, fieldErrorsOf, refusalOf, sayRows } from './answer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requirePermission(event, 'rooms.book');
	return {
		rooms: await bookableRooms(user),
		// Facility staff may book on behalf of a school (on-behalf.ts): the schools to choose from.
		schools: booksForSchools(user) ? (await org.listSchools()).map((s) => ({ id: s.id, nameKo: s.nameKo, nameEn: s.nameEn })) : null,
		values: readQuery(event.url.searchParams),
		// One key per rendered form: a double submit or a resent POST books once.
		idempotencyKey: crypto.randomUUID()
	};
};

/** Shape problems of the form (date, times, purpose, people, repetition), every one at once. */
function parse(values: BookingFormValues) {
	const { body, problems } = toRequestBody(values);
	const { value, violations } = bookings.parseBookingInput(body);
	const covered = new Set(problems.map((p) => p.rule));
	const dateBroken = covered.has('date');
	const rest = violations.filter(
		(v) => !(v.messageKey === 'booking_time_invalid' && (dateBroken || covered.has(v.rule)))
	);
	const all: Violation[] = [...problems, ...rest];
	return { input: all.length ? null : value, violations: all, body };
}

export const actions: Actions = {
	book: async (event) => {
		const user = requirePermission(event, 'rooms.book');
		const form = await event.request.formData();
		const values = readForm(form);
		const freshKey = crypto.randomUUID();
		const { input, violations } = parse(values);
		if (!input) return fail(422, { values, ...fieldErrorsOf(violations), idempotencyKey: freshKey });

		let result: bookings.RoomBookResult;
		try {
			const key = idempotency.checkKey(text(form, 'idempotencyKey') || null);
			result = await bookings.book(user, input, { idempotency: { key, requestHash: idempotency.hashRequest({ form: 'book', values }) } });
		} catch (error) {
			// The key was used for other values (e.g. a form kept open and edited after a success):
			// nothing was booked with these values; say so and hand out a new key.
			if (error instanceof DomainError && error.status < 500)
				return fail(error.status, { values, errors: {}, rules: [], notice: say(error.messageKey, error.params), idempotencyKey: freshKey });
			throw error;
		}
		if (result.outcome === 'created') return { values, booked: bookedOf(result, input.roomId) };
		const { refusal, errors } = refusalOf(result);
		return fail(result.outcome === 'conflict' ? 409 : 422, { values, errors, rules: [], refusal, idempotencyKey: freshKey });
	},

	preview: async (event) => {
		const user = requirePermission(event, 'rooms.book');
		const form = await event.request.formData();
		const values = readForm(form);
		const keep = text(form, 'idempotencyKey');
		const idempotencyKey = idempotency.isKey(keep) ? keep : crypto.randomUUID();
		const { input, violations } = parse(values);
		if (!input) return fail(422, { values, ...fieldErrorsOf(violations), idempotencyKey });
		try {
			return { values, preview: sayRows(await bookings.previewSeries(user, input)), outline: bookings.seriesOutline(input), idempotencyKey };
		} catch (error) {
			if (error instanceof ValidationError) return fail(422, { values, ...fieldErrorsOf(error.violations), idempotencyKey });
			if (error instanceof TooManyRequestsError)
				return fail(429, { values, errors: {}, rules: [], notice: throttledMessage(error.retryAfterSeconds, error.messageKey), idempotencyKey });
			// A school the sender may not book for (403), and the like: said on the form, never a 5xx.
			if (error instanceof DomainError && error.status < 500)
				return fail(error.status, { values, errors: {}, rules: [], notice: say(error.messageKey, error.params), idempotencyKey });
			throw error;
		}
	}
};
