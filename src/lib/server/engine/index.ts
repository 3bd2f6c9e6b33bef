/**
 * The reservation engine: holds of any resource (a room, a consultant, a presenter) for an
 * interval, all or nothing, guarded by PostgreSQL's exclusion constraint. It knows no service;
 * each service (src/lib/server/rooms/, later consultations, visits, trainings) supplies a policy.
 *
 *   book(actor, policy, input, { idempotency })   the one booking entry point (book.ts)
 *   transitions.*                                  every status change after that (transitions.ts)
 *   Limit                                          counted limits, locked and counted again (limits.ts)
 *   availability                                   opening hours, holidays, closures of any resource
 */
export { book, type BookOptions } from './book';
export * as transitions from './transitions';
export { heldInterval, overlaps } from './held';
export { clashes, isHolding, principalHold, type Clash } from './holds.store';
export type { Limit } from './limits';
export type { Loaded, Notice, PlannedOccurrence, Policy } from './policy';
export {
	refusalError,
	statusOf,
	type BookResult,
	type Booked,
	type Conflict,
	type Created,
	type Invalid,
	type OccurrenceOutcome,
	type OccurrenceState,
	type Refused,
	type Refusal,
	type RefusalDetails,
	type Skipped
} from './result';
export type { Violation } from '../errors';
