import type { Violation } from '$lib/server/errors';
import { say } from '$lib/server/i18n';
import type * as bookings from '$lib/server/rooms/bookings';
import { fieldOf } from '$lib/schemas/booking-form';
import type { Booked, PreviewRow, Refusal } from './types';

/**
 * The booking service's language-neutral answers, said on the booking page in the reader's
 * language (server side: the page renders what the action returns).
 */

/** Violations split into the form fields they belong to and the rules that belong to none. */
export function fieldErrorsOf(violations: Violation[]) {
	const errors: Record<string, string[]> = {};
	const rules: string[] = [];
	for (const v of violations) {
		const field = fieldOf(v.rule);
		if (field) (errors[field] ??= []).push(say(v.messageKey, v.params));
		else rules.push(say(v.messageKey, v.params));
	}
	return { errors, rules };
}

/** Preview rows in the user's language. */
export function sayRows(rows: bookings.OccurrencePreview[] | undefined): PreviewRow[] {
	return (rows ?? []).map(({ start, end, state, conflicts, violations }) => ({
		start,
		end,
		state,
		conflicts,
		reasons: violations.map((v) => say(v.messageKey, v.params))
	}));
}

export function bookedOf(created: Extract<bookings.RoomBookResult, { outcome: 'created' }>, roomId: string): Booked {
	return {
		status: created.created[0]!.status === 'requested' ? 'requested' : 'confirmed',
		created: created.created,
		// Each left-out date says why: the rules it breaks (the rule engine's own words) or what it clashes with.
		skipped: created.skipped.map(({ start, end, state, violations, conflicts }) => ({
			start,
			end,
			state,
			// Answers kept under an idempotency key before skipped dates carried their reasons have none.
			reasons: (violations ?? []).map((v) => say(v.messageKey, v.params)),
			conflicts: (conflicts ?? []).map(({ start, end }) => ({ start, end }))
		})),
		seriesId: created.seriesId,
		roomId
	};
}

export function refusalOf(refused: bookings.RoomRefusal): { refusal: Refusal; errors: Record<string, string[]> } {
	const alternatives = refused.alternatives ?? [];
	const occurrences = sayRows(refused.occurrences);
	if (refused.outcome === 'invalid') {
		const { errors, rules } = fieldErrorsOf(refused.violations);
		return { errors, refusal: { kind: 'invalid', rules, conflicts: [], alternatives, occurrences } };
	}
	const rules = [say(refused.messageKey, refused.params)];
	return { errors: {}, refusal: { kind: 'conflict', rules, conflicts: refused.conflicts, alternatives, occurrences } };
}
