import type { Reservation } from '../db/schema';
import { ConflictError, ValidationError, type Violation } from '../errors';
import type { Clash } from './holds.store';

/**
 * What the engine's booking entry point answers: a discriminated result, language-neutral (message
 * keys, ISO instants), so it can be kept under an idempotency key and said later in whichever
 * language the reader has. Only the unexpected throws.
 */
export type BookResult<Alternative> = Created | Invalid<Alternative> | Conflict<Alternative>;

export interface Created {
	outcome: 'created';
	/** Set when the request was a series. */
	seriesId: string | null;
	/** The bookings made, one per occurrence, in time order. */
	created: Booked[];
	/** Occurrences of a series that were not booked. */
	skipped: Skipped[];
}

/**
 * A refusal, generic in how its alternatives, conflicts and occurrences are shaped: the engine's
 * (clashes by resource) and a service's own (a room's clashes need no resource) are both this.
 */
export type Refusal<Alternative, Conflicting, Occurrence, ConflictKey extends string = string> =
	| {
			outcome: 'invalid';
			/** Every broken rule, at once. */
			violations: Violation[];
			/** Offered when a one-occurrence request is refused. */
			alternatives?: Alternative[];
			/** A series: what each occurrence would have been. */
			occurrences?: Occurrence[];
	  }
	| {
			outcome: 'conflict';
			messageKey: ConflictKey;
			params: Record<string, string | number>;
			/** The holds of others it clashes with (buffers included). */
			conflicts: Conflicting[];
			alternatives?: Alternative[];
			occurrences?: Occurrence[];
	  };

type EngineRefusal<Alternative> = Refusal<Alternative, Clash, OccurrenceOutcome, 'booking_conflict' | 'booking_series_all_taken'>;
export type Invalid<Alternative> = Extract<EngineRefusal<Alternative>, { outcome: 'invalid' }>;
export type Conflict<Alternative> = Extract<EngineRefusal<Alternative>, { outcome: 'conflict' }>;

export type Refused<Alternative> = Invalid<Alternative> | Conflict<Alternative>;

/** One booking: its first hold's id names it; every hold changes status with it. */
export interface Booked {
	id: string;
	start: string;
	end: string;
	status: Extract<Reservation['status'], 'requested' | 'confirmed'>;
	seriesId: string | null;
	holds: { id: string; resourceId: string }[];
}

export type OccurrenceState = 'free' | 'conflict' | 'invalid';

export interface OccurrenceOutcome {
	start: string;
	end: string;
	state: OccurrenceState;
	violations: Violation[];
	conflicts: Clash[];
}

/**
 * An occurrence of a series left out, with why: the rules it breaks and the holds it clashes
 * with (both empty for one taken by someone else between the check and the insert).
 */
export type Skipped = OccurrenceOutcome;

/** The HTTP status a result stands for (kept with it under the idempotency key). */
export function statusOf(result: BookResult<unknown>): 201 | 409 | 422 {
	return result.outcome === 'created' ? 201 : result.outcome === 'conflict' ? 409 : 422;
}

/** The details a refused booking's error carries into the problem document, typed. */
export interface RefusalDetails<Alternative, Conflicting = Clash, Occurrence = OccurrenceOutcome> {
	alternatives: Alternative[];
	conflicts: Conflicting[];
	occurrences: Occurrence[];
}

/** Only the members a refusal has (an absent one stays absent in the problem document). */
function present<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A refusal as the typed error a caller that wants exceptions throws (and the API maps to
 * RFC 9457): the same members as the result, nothing added.
 */
export function refusalError<A, C, O>(
	refused: Refusal<A, C, O>
): ValidationError<RefusalDetails<A, C, O>> | ConflictError<RefusalDetails<A, C, O>> {
	if (refused.outcome === 'invalid')
		return new ValidationError<RefusalDetails<A, C, O>>(refused.violations).with(
			present({ alternatives: refused.alternatives, occurrences: refused.occurrences })
		);
	return new ConflictError<RefusalDetails<A, C, O>>(refused.messageKey, refused.params).with(
		present({ conflicts: refused.conflicts, alternatives: refused.alternatives, occurrences: refused.occurrences })
	);
}
