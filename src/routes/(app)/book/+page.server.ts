import { fail } from '@sveltejs/kit';
import type { SessionUser } from '$lib/server/auth/sessions';
import { ConflictError, DomainError, TooManyRequestsError, ValidationError, type Violation } from '$lib/server/errors';
import { requirePermission } from '$lib/server/guards';
import { text } from '$lib/server/http/forms';
import { say, throttledMessage } from '$lib/server/i18n';
import * as idempotency from '$lib/server/idempotency';
import * as reservations from '$lib/server/reservations';
import { bookableRooms } from '$lib/server/reservations/mine';
import { fieldOf, readForm, readQuery, toRequestBody, type BookingFormValues } from '$lib/schemas/booking-form';
import type { Alternative, Booked, Interval, PreviewRow, Refusal } from './types';
import type { Actions, PageServerLoad } from './$types';

type StoredRow = Omit<PreviewRow, 'reasons'> & { violations: Violation[] };

/** What a booking attempt answered, kept under its idempotency key in a language-neutral form. */
type Outcome =
	| { outcome: 'created'; booked: Booked }
	| { outcome: 'invalid'; violations: Violation[]; alternatives: Alternative[]; occurrences: StoredRow[] | null }
	| {
			outcome: 'conflict';
			messageKey: string;
			params: Record<string, string | number>;
			conflicts: Interval[];
			alternatives: Alternative[];
			occurrences: StoredRow[] | null;
	  };

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'rooms.book');
	return {
		rooms: await bookableRooms(),
		values: readQuery(event.url.searchParams),
		// One key per rendered form: a double submit or a resent POST books once.
		idempotencyKey: crypto.randomUUID()
	};
};

/** Shape problems of the form (date, times, purpose, people, repetition), every one at once. */
function parse(values: BookingFormValues) {
	const { body, problems } = toRequestBody(values);
	const { value, violations } = reservations.parseBookingInput(body);
	const covered = new Set(problems.map((p) => p.rule));
	const dateBroken = covered.has('date');
	const rest = violations.filter(
		(v) => !(v.messageKey === 'booking_time_invalid' && (dateBroken || covered.has(v.rule)))
	);
	const all: Violation[] = [...problems, ...rest];
	return { input: all.length ? null : value, violations: all, body };
}

function fieldErrorsOf(violations: Violation[]) {
	const errors: Record<string, string[]> = {};
	const rules: string[] = [];
	for (const v of violations) {
		const field = fieldOf(v.rule);
		if (field) (errors[field] ??= []).push(say(v.messageKey, v.params));
		else rules.push(say(v.messageKey, v.params));
	}
	return { errors, rules };
}

function occurrenceRows(list: unknown): StoredRow[] | null {
	if (!Array.isArray(list)) return null;
	return (list as reservations.OccurrencePreview[]).map(({ start, end, state, violations, conflicts }) => ({
		start,
		end,
		state,
		violations,
		conflicts
	}));
}

/** Book (one or a series); refusals become data to keep with the key, unexpected errors propagate. */
async function attempt(user: SessionUser, input: reservations.BookingInput, claim: idempotency.Claim): Promise<idempotency.WorkAnswer> {
	const answer = (series: Pick<reservations.CreatedSeries, 'created' | 'skipped'> & { seriesId: string | null }) => {
		const booked: Booked = {
			status: series.created[0]!.status === 'requested' ? 'requested' : 'confirmed',
			created: series.created,
			skipped: series.skipped,
			seriesId: series.seriesId,
			roomId: input.roomId
		};
		return { status: 201, body: { outcome: 'created', booked } satisfies Outcome };
	};
	const single = (created: reservations.CreatedReservation) => answer({ created: [created], skipped: [], seriesId: null });
	try {
		// The key and its answer are written with the booking itself (one statement or transaction).
		if (input.recurrence) {
			const series = await reservations.createSeries(user, input, { alsoWrite: (s) => claim.insert(answer(s)) });
			return { ...answer(series), kept: true };
		}
		const created = await reservations.create(user, input, { alsoWrite: (c) => claim.insert(single(c)) });
		return { ...single(created), kept: true };
	} catch (error) {
		const details = error instanceof DomainError ? error.details : {};
		const alternatives = (details.alternatives as Alternative[] | undefined) ?? [];
		const occurrences = occurrenceRows(details.occurrences);
		if (error instanceof ValidationError)
			return { status: 422, body: { outcome: 'invalid', violations: error.violations, alternatives, occurrences } satisfies Outcome };
		if (error instanceof ConflictError)
			return {
				status: 409,
				body: {
					outcome: 'conflict',
					messageKey: error.messageKey,
					params: error.params,
					conflicts: (details.conflicts as Interval[] | undefined) ?? [],
					alternatives,
					occurrences
				} satisfies Outcome
			};
		throw error;
	}
}

/** Preview rows in the user's language. */
function sayRows(rows: StoredRow[] | null): PreviewRow[] {
	return (rows ?? []).map(({ violations, ...row }) => ({ ...row, reasons: violations.map((v) => say(v.messageKey, v.params)) }));
}

function refusalFrom(outcome: Exclude<Outcome, { outcome: 'created' }>): { refusal: Refusal; errors: Record<string, string[]> } {
	if (outcome.outcome === 'invalid') {
		const { errors, rules } = fieldErrorsOf(outcome.violations);
		return {
			errors,
			refusal: { kind: 'invalid', rules, conflicts: [], alternatives: outcome.alternatives, occurrences: sayRows(outcome.occurrences) }
		};
	}
	return {
		errors: {},
		refusal: {
			kind: 'conflict',
			rules: [say(outcome.messageKey, outcome.params)],
			conflicts: outcome.conflicts,
			alternatives: outcome.alternatives,
			occurrences: sayRows(outcome.occurrences)
		}
	};
}

export const actions: Actions = {
	book: async (event) => {
		const user = requirePermission(event, 'rooms.book');
		const form = await event.request.formData();
		const values = readForm(form);
		const freshKey = crypto.randomUUID();
		const { input, violations } = parse(values);
		if (!input) return fail(422, { values, ...fieldErrorsOf(violations), idempotencyKey: freshKey });

		let answer: idempotency.StoredAnswer;
		try {
			const key = idempotency.checkKey(text(form, 'idempotencyKey') || null);
			answer = await idempotency.once(user.id, key, idempotency.hashRequest({ form: 'book', values }), (claim) => attempt(user, input, claim));
		} catch (error) {
			// The key was used for other values (e.g. a form kept open and edited after a success):
			// nothing was booked with these values; say so and hand out a new key.
			if (error instanceof DomainError && error.status < 500)
				return fail(error.status, { values, errors: {}, rules: [], notice: say(error.messageKey, error.params), idempotencyKey: freshKey });
			throw error;
		}
		const outcome = answer.body as Outcome;
		if (outcome.outcome === 'created') return { values, booked: outcome.booked };
		const { refusal, errors } = refusalFrom(outcome);
		return fail(answer.status, { values, errors, rules: [], refusal, idempotencyKey: freshKey });
	},

	preview: async (event) => {
		const user = requirePermission(event, 'rooms.book');
		const form = await event.request.formData();
		const values = readForm(form);
		const keep = text(form, 'idempotencyKey');
		const idempotencyKey = /^[A-Za-z0-9._:-]{8,128}$/.test(keep) ? keep : crypto.randomUUID();
		const { input, violations } = parse(values);
		if (!input) return fail(422, { values, ...fieldErrorsOf(violations), idempotencyKey });
		try {
			const rows = await reservations.previewSeries(user, input);
			const preview = sayRows(occurrenceRows(rows));
			return { values, preview, idempotencyKey };
		} catch (error) {
			if (error instanceof ValidationError) return fail(422, { values, ...fieldErrorsOf(error.violations), idempotencyKey });
			if (error instanceof TooManyRequestsError)
				return fail(429, { values, errors: {}, rules: [], notice: throttledMessage(error.retryAfterSeconds, error.messageKey), idempotencyKey });
			throw error;
		}
	}
};
