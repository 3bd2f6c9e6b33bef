import type { SQL } from 'drizzle-orm';
import type { SessionUser } from '../auth/sessions';
import type { Executor } from '../db';
import type { Reservation } from '../db/schema';
import type { Violation } from '../errors';
import type { Mail } from '../notifications/letter';
import type { Recipients } from '../notifications/outbox';
import type { Clash } from './holds.store';
import type { Limit } from './limits';
import type { SeriesDescription } from './recurrence';
import type { Created } from './result';

/**
 * What a service (rooms; later consultations, visits, trainings) tells the engine about a booking
 * request. The engine knows no service: it holds what the policy says to hold, refuses what the
 * policy's rules refuse, counts the policy's limits under their locks, and asks the policy for
 * alternatives when it refuses. A new service adds a policy beside the engine, not a branch in it.
 */
export interface Policy<Input, Target, Alternative> {
	/** Whether the actor may book with this service at all (403 otherwise). */
	mayBook(actor: SessionUser): boolean;
	/**
	 * The request's target (a room with its rules; a consultant with a topic), how the booking
	 * would be made, and, when the loader could do it in the same round trip, its one occurrence
	 * planned already. Null: no such target (refused with `unknownTarget`).
	 */
	load(actor: SessionUser, input: Input, now: Date): Promise<Loaded<Target> | null>;
	/** The refusal when `load` finds no target. */
	unknownTarget: Violation;
	/**
	 * Every occurrence of the request with what it would hold, the rules it breaks, the clashes the
	 * plan found and the limits it counts against. Inside the booking's transaction (a series) it
	 * runs again under the locks of `Loaded.resourceIds`, so what it finds is final.
	 */
	plan(actor: SessionUser, target: Target, input: Input, now: Date, executor: Executor): Promise<PlannedOccurrence[]>;
	/** Free times or targets to offer instead, when a one-occurrence booking is refused. */
	alternatives(actor: SessionUser, target: Target, input: Input, now: Date): Promise<Alternative[]>;
	/**
	 * The e-mails a new booking sends (the booker's confirmation, a notice to the staff who
	 * decide), queued in the booking's own statement or transaction: no booking without its mail,
	 * no mail without its booking. Composed before the insert, from what the answer will be.
	 */
	notices?(actor: SessionUser, loaded: Loaded<Target>, created: Created, executor: Executor): Promise<Notice[]>;
	/**
	 * The service's own record of a one-occurrence booking (a consultation's topic, mode and
	 * reference), written by the booking's own statement after its holds: one INSERT without
	 * RETURNING into a table with a text column `reference` (the engine returns it), which may read
	 * the holds just written from the CTE `inserted`. Refused with the booking, or the booking
	 * refused with it. The notices say the reference where they hold REFERENCE_PLACEHOLDER.
	 */
	record?(loaded: Loaded<Target>, created: Created): SQL;
}

/** One e-mail to some recipients, each reading it in their own language. */
export interface Notice {
	to: Recipients;
	mail: Mail;
}

export interface Loaded<Target> {
	target: Target;
	/** Every resource any occurrence may hold: locked, sorted, before a series is planned under lock. */
	resourceIds: string[];
	/** Several occurrences booked together (a series): the free ones are booked, the rest skipped. */
	recurring: boolean;
	status: Extract<Reservation['status'], 'requested' | 'confirmed'>;
	/** What every hold of the booking records. */
	details: { bookedBy: string; schoolId: string | null; purpose: string; attendees: number };
	/** How a series repeats, kept on its `reservation_series` row (a recurring request). */
	series?: SeriesDescription;
	/** The one occurrence, planned by the loader itself (a non-recurring request's hot path). */
	planned?: PlannedOccurrence;
}

export interface PlannedOccurrence {
	start: Date;
	end: Date;
	/** Each resource the occurrence holds, with its buffers (all or none). */
	holds: { resourceId: string; heldFrom: Date; heldUntil: Date }[];
	/** Broken rules; empty when the occurrence may be booked. */
	violations: Violation[];
	/** Holds of others it overlaps, found by the plan (the exclusion constraint decides at insert). */
	conflicts: Clash[];
	/** The counted limits it uses. */
	limits: Limit[];
}
