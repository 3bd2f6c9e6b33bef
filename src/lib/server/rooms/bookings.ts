import { and, eq, type SQL } from 'drizzle-orm';
import * as audit from '../audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import * as clock from '../clock';
import { db } from '../db';
import { appUser, department, reservation, room, school, type Reservation } from '../db/schema';
import { isUuid } from '../db/sql';
import * as engine from '../engine';
import { ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError, ValidationError } from '../errors';
import * as rateLimit from '../rate-limit';
import type { Alternative } from './alternatives';
import type { BookingInput } from './input';
import { checkEditable, pastEditCutoff, statusAfterEdit, versionOf } from './edit-rules';
import { cancelWords, editedRequestNotices, editedWords, lapsedWords, movedWords } from './notify';
import { mayBookFor } from './on-behalf';
import { roomPolicy, schoolOf } from './policy';
import type { EditInput } from '../../schemas/reservations';
import { minutesBetween, seoulMonthRange } from '../../time/seoul';
import { quotaLimits } from './quota';
import { ruleContext } from './rule-context';
import { checkBooking } from './rules';
import { planSeries } from './series';
import { loadRoom, type RoomWithRules } from './store';

export { parseBookingInput, type BookingInput } from './input';
export { seriesOutline } from './series';
export type { Alternative } from './alternatives';
export type { OccurrenceState } from '../engine';

/**
 * Room bookings as people make and change them: every booking goes through the engine's one
 * entry point with the room policy (policy.ts), every status change through its transitions.
 * Results come back in the room shapes the pages and the API have always answered with.
 */

/** Previews per user and minute (a 52-week preview is a few queries, but not free): counted in the database. */
export const PREVIEW_RATE: rateLimit.Limit = { limit: 30, windowMs: 60_000 };

export interface Interval {
	start: string;
	end: string;
}

export interface OccurrencePreview extends Interval {
	state: engine.OccurrenceState;
	violations: engine.Violation[];
	conflicts: Interval[];
}

export interface CreatedReservation {
	id: string;
	roomId: string;
	start: string;
	end: string;
	status: Reservation['status'];
	seriesId?: string | null;
}

export interface CreatedSeries {
	seriesId: string;
	first: CreatedReservation;
	created: CreatedReservation[];
	skipped: engine.Skipped[];
}

/** What booking a room answers, language-neutral (kept under an idempotency key as the engine answered it). */
export type RoomBookResult =
	| { outcome: 'created'; seriesId: string | null; created: CreatedReservation[]; skipped: engine.Skipped[] }
	| engine.Refusal<Alternative, Interval, OccurrencePreview>;

export type RoomRefusal = Exclude<RoomBookResult, { outcome: 'created' }>;

export function toCreated(row: Pick<Reservation, 'id' | 'resourceId' | 'startsAt' | 'endsAt' | 'status' | 'seriesId'>): CreatedReservation {
	return {
		id: row.id,
		roomId: row.resourceId,
		start: row.startsAt.toISOString(),
		end: row.endsAt.toISOString(),
		status: row.status,
		...(row.seriesId ? { seriesId: row.seriesId } : {})
	};
}

/** A booking of one room as the room API has always shown it. */
function createdOf(b: engine.Booked): CreatedReservation {
	return { id: b.id, roomId: b.holds[0]!.resourceId, start: b.start, end: b.end, status: b.status, ...(b.seriesId ? { seriesId: b.seriesId } : {}) };
}

/** A clash in a room: the room is known, so the time says it all. */
const intervalOf = ({ start, end }: Interval): Interval => ({ start, end });

function previewOf(o: engine.OccurrenceOutcome): OccurrencePreview {
	return { start: o.start, end: o.end, state: o.state, violations: o.violations, conflicts: o.conflicts.map(intervalOf) };
}

/** The engine's answer in room shapes. */
function forRooms(result: engine.BookResult<Alternative>): RoomBookResult {
	switch (result.outcome) {
		case 'created':
			return { outcome: 'created', seriesId: result.seriesId, created: result.created.map(createdOf), skipped: result.skipped };
		case 'invalid':
			return { ...result, ...(result.occurrences ? { occurrences: result.occurrences.map(previewOf) } : {}) };
		case 'conflict':
			return {
				...result,
				conflicts: result.conflicts.map(intervalOf),
				...(result.occurrences ? { occurrences: result.occurrences.map(previewOf) } : {})
			};
	}
}

/**
 * Book a room, or the free occurrences of a series (`recurrence`): the one call of the form
 * action and the API. With an idempotency key a retry gets the first answer.
 */
export async function book(actor: SessionUser, input: BookingInput, options: engine.BookOptions = {}): Promise<RoomBookResult> {
	// On behalf of a school (`schoolId`): facility staff only; never in another school's name (on-behalf.ts).
	if (!mayBookFor(actor, input.schoolId)) throw new ForbiddenError();
	if (input.schoolId && actor.role !== 'school_user' && !(await schoolExists(input.schoolId)))
		return { outcome: 'invalid', violations: [{ rule: 'schoolId', messageKey: 'booking_school_unknown' }] };
	return forRooms(await engine.book(actor, roomPolicy, input, options));
}

async function schoolExists(id: string): Promise<boolean> {
	const [row] = await db.select({ id: school.id }).from(school).where(eq(school.id, id));
	return row !== undefined;
}

/** The refusal as the typed error callers that want exceptions throw (and the API maps to a problem). */
export function refusalError(refused: RoomRefusal) {
	return engine.refusalError<Alternative, Interval, OccurrencePreview>(refused);
}

/** A write the caller wants made atomically with the booking (an idempotency key with its answer). */
export interface WriteAlso<Answer> {
	alsoWrite?: (answer: Answer) => SQL;
}

/** Book one room booking; a refusal throws (ValidationError or ConflictError, with alternatives). */
export async function create(actor: SessionUser, input: BookingInput, options: WriteAlso<CreatedReservation> = {}): Promise<CreatedReservation> {
	if (input.recurrence) throw new Error('create() books one occurrence; use createSeries() for a recurrence');
	const { alsoWrite } = options;
	const result = await book(actor, input, alsoWrite ? { alsoWrite: (c) => alsoWrite(createdOf(c.created[0]!)) } : {});
	if (result.outcome !== 'created') throw refusalError(result);
	return result.created[0]!;
}

function seriesOf(created: { seriesId: string | null; created: CreatedReservation[]; skipped: engine.Skipped[] }): CreatedSeries {
	return { seriesId: created.seriesId!, first: created.created[0]!, created: created.created, skipped: created.skipped };
}

/**
 * Book the free occurrences of a series in one transaction (the engine's series path); a series
 * nothing of which can be booked throws.
 */
export async function createSeries(actor: SessionUser, input: BookingInput, options: WriteAlso<CreatedSeries> = {}): Promise<CreatedSeries> {
	if (!input.recurrence) throw new Error('createSeries() books a recurrence; use create() for one occurrence');
	const { alsoWrite } = options;
	const result = await book(
		actor,
		input,
		alsoWrite ? { alsoWrite: (c) => alsoWrite(seriesOf({ ...c, created: c.created.map(createdOf) })) } : {}
	);
	if (result.outcome !== 'created') throw refusalError(result);
	return seriesOf(result);
}

/**
 * Each occurrence of a series, marked free, in conflict with a booking, or breaking a rule (a few
 * queries for any length: series.ts). Previews are rate-limited per user in the database.
 */
export async function previewSeries(actor: SessionUser, input: BookingInput): Promise<OccurrencePreview[]> {
	if (!roomPolicy.mayBook(actor) || !mayBookFor(actor, input.schoolId)) throw new ForbiddenError();
	const counted = await rateLimit.hit(`series_preview:${actor.id}`, PREVIEW_RATE);
	if (!counted.ok) throw new TooManyRequestsError(counted.retryAfterSeconds, 'engine_preview_rate_limited');
	const target = await loadRoom(input.roomId);
	if (!target) throw new ValidationError([roomPolicy.unknownTarget]);
	const plan = await planSeries({ role: actor.role, schoolId: schoolOf(actor, input) }, target, input, clock.now());
	return plan.map((o) =>
		previewOf({
			start: o.start.toISOString(),
			end: o.end.toISOString(),
			state: o.violations.length ? 'invalid' : o.conflicts.length ? 'conflict' : 'free',
			violations: o.violations,
			conflicts: o.conflicts
		})
	);
}

/** Held intervals of the room's holding reservations that overlap [from, to). */
export async function clashes(resourceId: string, from: Date, to: Date): Promise<Interval[]> {
	return (await engine.clashes([resourceId], from, to, db)).map(intervalOf);
}

/**
 * A room booking the actor may see in full: their own, their school's, or any for staff who see
 * all. Only room bookings: a consultation, or the room hold of an in-person one, is not found here
 * (its service reads, changes and cancels it under its own rules and need-to-know).
 */
export async function get(actor: SessionUser, id: string): Promise<Reservation> {
	if (!isUuid(id)) throw new NotFoundError();
	const [found] = await db
		.select({ row: reservation })
		.from(reservation)
		.innerJoin(room, eq(room.resourceId, reservation.resourceId))
		.where(and(eq(reservation.id, id), engine.principalHold));
	const row = found?.row;
	const visible =
		row &&
		(row.bookedBy === actor.id ||
			can(actor, 'reservations.view_all') ||
			(row.schoolId !== null && can(actor, 'school.bookings.view', { schoolId: row.schoolId })));
	if (!visible) throw new NotFoundError();
	return row;
}

export type CancelScope = 'one' | 'following';

/**
 * Cancel a booking (or it and the rest of its series). Bookers may cancel until the room's cutoff
 * before the start; facility staff at any time. The booker gets one mail for what was cancelled:
 * a receipt, or, when staff cancelled it, the staff's reason.
 */
export async function cancel(actor: SessionUser, id: string, options: { scope?: CancelScope; reason?: string } = {}) {
	const row = await get(actor, id);
	const target = await loadRoom(row.resourceId);
	const staff = can(actor, 'reservations.approve');
	if (row.bookedBy !== actor.id && !staff) throw new ForbiddenError();
	if (!engine.isHolding(row.status)) throw new ConflictError('booking_not_cancellable');
	const now = clock.now();
	const cutoffMinutes = target?.rules.cancelCutoffMinutes ?? 0;
	const cutoffMs = cutoffMinutes * 60_000;
	if (!staff && row.startsAt.getTime() - cutoffMs < now.getTime()) throw new ConflictError('booking_cancel_cutoff', { cutoffMinutes });

	const scope = options.scope === 'following' && row.seriesId ? 'following' : 'one';
	const following =
		scope === 'following'
			? { seriesId: row.seriesId!, from: row.startsAt, ...(staff ? {} : { startsAfter: new Date(now.getTime() + cutoffMs) }) }
			: undefined;
	const reason = options.reason?.trim() || null;
	const byStaff = row.bookedBy !== actor.id;
	return engine.transitions.cancel(
		actor.id,
		{ bookingId: row.id, following },
		{ reason, before: { status: row.status }, scope, words: cancelWords(byStaff, reason) }
	);
}

// Approving and rejecting requests: src/lib/server/facility/approvals.ts (with the e-mail to the booker).

/** Requests nobody decided before they started stop holding the time; each booker is told. */
export function lapseUndecided(): Promise<number> {
	return engine.transitions.lapse({ words: lapsedWords });
}

/** How long a move can be undone from the page that made it. */
export const UNDO_MOVE_MINUTES = 10;

export interface MovedReservation extends CreatedReservation {
	/** Until when the move can be undone (undoMove), ISO. */
	undoUntil: string;
}

const undoUntilOf = (movedAt: Date) => new Date(movedAt.getTime() + UNDO_MOVE_MINUTES * 60_000).toISOString();

/**
 * The rules for a booking at a new time or room, as facility staff move it: their own exemptions
 * apply, but the monthly quota is the booking's school's (its hours there, this booking's own
 * current hours left out when they count in the same room and month). The engine counts the
 * quota again in the move's transaction (movedLimits). An edit passes its new number of people,
 * and keeps who may book the room (`eligibility`) when the booker edits it themself.
 */
export async function moveViolations(
	actor: SessionUser,
	target: RoomWithRules,
	row: Reservation,
	start: Date,
	end: Date,
	{ attendees = row.attendees, eligibility = false }: { attendees?: number; eligibility?: boolean } = {}
) {
	const request = { start, end, attendees };
	const context = await ruleContext(target, { role: actor.role, schoolId: row.schoolId }, request, clock.now());
	const countsThere =
		row.resourceId === target.room.resourceId && seoulMonthRange(row.startsAt).from.getTime() === seoulMonthRange(start).from.getTime();
	if (countsThere) context.quotaUsedMinutes = Math.max(0, context.quotaUsedMinutes - minutesBetween(row.startsAt, row.endsAt));
	return checkBooking(context).filter((v) => eligibility || v.rule !== 'eligibility');
}

async function ensureMayHold(actor: SessionUser, target: RoomWithRules, row: Reservation, start: Date, end: Date) {
	const violations = await moveViolations(actor, target, row, start, end);
	if (violations.length) throw new ValidationError(violations);
}

/** What a booking moved to `target` at [start, end) uses there: its school's monthly quota of the room. */
const movedLimits = (target: RoomWithRules, row: Reservation, start: Date, end: Date) => quotaLimits(target, row.schoolId, start, end);

/**
 * Facility staff move or resize a booking (the calendar's drag and resize, the board's move form),
 * to another time and/or another room (`roomId`). The rules are checked again for the new time and
 * room; PostgreSQL still refuses an overlap (409 naming the held time). The booker hears of it by
 * e-mail. The move can be undone for UNDO_MOVE_MINUTES (undoMove). `seen` is where the mover saw
 * the booking (the board's confirmation, the API's optional `from`): when it has moved since, the
 * move is refused as changed meanwhile rather than applied over someone else's move.
 */
export async function move(
	actor: SessionUser,
	id: string,
	start: Date,
	end: Date,
	roomId?: string,
	seen?: { start: Date; end: Date; roomId: string }
): Promise<MovedReservation> {
	if (!can(actor, 'rooms.manage')) throw new ForbiddenError();
	const row = await get(actor, id);
	if (!engine.isHolding(row.status)) throw new ConflictError('booking_not_cancellable');
	const seenPlace = seen && { start: seen.start, end: seen.end, resourceId: seen.roomId };
	if (
		seenPlace &&
		(row.startsAt.getTime() !== seenPlace.start.getTime() || row.endsAt.getTime() !== seenPlace.end.getTime() || row.resourceId !== seenPlace.resourceId)
	)
		throw new ConflictError('booking_moved_meanwhile');
	if (!(end > start)) throw new ValidationError([{ rule: 'end', messageKey: 'booking_end_after_start' }]);
	const target = await loadRoom(roomId ?? row.resourceId);
	if (!target) {
		if (roomId) throw new ValidationError([roomPolicy.unknownTarget]);
		throw new NotFoundError();
	}
	await ensureMayHold(actor, target, row, start, end);
	// The booker's mail names the room it was in when the room changes.
	const from = target.room.resourceId === row.resourceId ? target : await loadRoom(row.resourceId);
	const moved = await engine.transitions.move(
		actor.id,
		row,
		{ start, end, ...engine.heldInterval(start, end, target.rules), resourceId: target.room.resourceId },
		{ words: movedWords(target, row, from?.room ?? target.room), seen: seenPlace, limits: movedLimits(target, row, start, end) }
	);
	return { ...toCreated(moved), undoUntil: undoUntilOf(moved.updatedAt) };
}

/**
 * Put a booking back where its last move took it from, within UNDO_MOVE_MINUTES of that move
 * and only while it is still where the move put it (an undo is itself a move: audited, and the
 * booker is told). The old place was the booking's a moment ago, so only a clash can refuse it.
 */
export async function undoMove(actor: SessionUser, id: string): Promise<CreatedReservation> {
	if (!can(actor, 'rooms.manage')) throw new ForbiddenError();
	const row = await get(actor, id);
	const last = await audit.latestOf('reservation', row.id, 'reservation.move');
	const trail = last as (typeof last & engine.transitions.MoveAudit) | undefined;
	const undoUntil = trail?.after?.movedAt ? Date.parse(undoUntilOf(new Date(trail.after.movedAt))) : Number.NaN;
	const expired =
		!trail ||
		trail.after.undoOf !== undefined ||
		!(clock.now().getTime() <= undoUntil) ||
		!engine.isHolding(row.status) ||
		row.startsAt.toISOString() !== trail.after.start ||
		row.endsAt.toISOString() !== trail.after.end ||
		row.resourceId !== trail.after.resourceId;
	if (expired) throw new ConflictError('boardops_undo_expired', { undoMinutes: UNDO_MOVE_MINUTES });
	const target = await loadRoom(trail.before.resourceId);
	if (!target) throw new ConflictError('boardops_undo_expired', { undoMinutes: UNDO_MOVE_MINUTES });
	const start = new Date(trail.before.start);
	const end = new Date(trail.before.end);
	const from = target.room.resourceId === row.resourceId ? target : await loadRoom(row.resourceId);
	const moved = await engine.transitions.move(
		actor.id,
		row,
		{ start, end, ...engine.heldInterval(start, end, target.rules), resourceId: target.room.resourceId },
		{
			words: movedWords(target, row, from?.room ?? target.room),
			undoOf: trail.id,
			limits: movedLimits(target, row, start, end),
			// Another undo (or move) got there first: this one's moment has passed.
			changedMeanwhile: () => new ConflictError('boardops_undo_expired', { undoMinutes: UNDO_MOVE_MINUTES })
		}
	);
	return toCreated(moved);
}

export interface EditedReservation extends CreatedReservation {
	purpose: string;
	attendees: number;
	/** The version to send with the next edit (edit-rules.ts). */
	version: string;
}

/**
 * A booking as the one who may edit it opens it (the edit form, GET /api/v1/reservations/{id}):
 * its booker, or staff who manage rooms and may read its purpose (a Reconciliation & Mediation
 * booking's purpose is not theirs to read, so not theirs to rewrite: they move it instead).
 * Anyone else: not found.
 */
export async function getEditable(actor: SessionUser, id: string): Promise<Reservation> {
	const row = await get(actor, id);
	if (row.bookedBy === actor.id) return row;
	if (!can(actor, 'rooms.manage')) throw new NotFoundError();
	const [booker] = await db
		.select({ code: department.code })
		.from(appUser)
		.leftJoin(department, eq(department.id, appUser.departmentId))
		.where(eq(appUser.id, row.bookedBy));
	const thing = { userId: row.bookedBy, bookerDepartmentCode: booker?.code ?? null, schoolId: row.schoolId };
	if (!can(actor, 'reservations.read_purpose', thing)) throw new NotFoundError();
	return row;
}

/** A booking as an editor sees it: its place, details and version. */
export function editedOf(row: Reservation): EditedReservation {
	return { ...toCreated(row), purpose: row.purpose, attendees: row.attendees, version: versionOf(row) };
}

/**
 * Edit a booking in place (the edit form, PATCH /api/v1/reservations/{id}): its room, time,
 * purpose and number of people. Its booker may, or staff who manage rooms; not once it has
 * started, nor when it no longer holds its time (edit-rules.ts). It is the move transition with
 * the details: the rules are checked again for the new time and room (who may book it, for its
 * booker), PostgreSQL refuses a clash, the school's monthly quota is counted again inside the
 * transaction, the id and history stay, the change is audited before/after, a reminder waiting
 * for the old time is withdrawn (the new start is reminded in its turn), the booker is mailed,
 * and when the new place needs approval it waits for a decision again and facility staff are
 * told. `version` is the one the editor saw: anything changed since is refused (409
 * booking_changed_meanwhile), so nobody edits over someone else's change.
 */
export async function edit(actor: SessionUser, id: string, input: EditInput): Promise<EditedReservation> {
	const row = await getEditable(actor, id);
	const staff = can(actor, 'rooms.manage');
	const refusal = checkEditable(row, { actorId: actor.id, staff }, clock.now());
	if (refusal === 'forbidden') throw new ForbiddenError();
	if (refusal) throw new ConflictError(refusal);
	const seenVersion = input.version ?? versionOf(row);
	if (seenVersion !== versionOf(row)) throw new ConflictError('booking_changed_meanwhile');
	const target = await loadRoom(input.roomId);
	if (!target) throw new ValidationError([roomPolicy.unknownTarget]);
	const { start, end } = input;
	const violations = await moveViolations(actor, target, row, start, end, { attendees: input.attendees, eligibility: !staff });
	if (violations.length) throw new ValidationError(violations);
	const placeChanged =
		target.room.resourceId !== row.resourceId || start.getTime() !== row.startsAt.getTime() || end.getTime() !== row.endsAt.getTime();
	const detailsChanged = input.purpose !== row.purpose || input.attendees !== row.attendees;
	const approver = can(actor, 'reservations.approve');
	const from = target.room.resourceId === row.resourceId ? target : await loadRoom(row.resourceId);
	const cutoffMinutes = from?.rules.cancelCutoffMinutes ?? 0;
	if (placeChanged && !approver && pastEditCutoff(row.startsAt, cutoffMinutes, clock.now()))
		throw new ConflictError('booking_edit_cutoff', { cutoffMinutes });
	const status = statusAfterEdit({
		current: row.status as 'requested' | 'confirmed',
		placeChanged,
		detailsChanged,
		requiresApproval: target.rules.requiresApproval,
		approver
	});
	const awaitsDecision = status === 'requested' && (placeChanged || row.status !== 'requested');
	const edited = await engine.transitions.move(
		actor.id,
		row,
		{ start, end, ...engine.heldInterval(start, end, target.rules), resourceId: target.room.resourceId },
		{
			words: editedWords(target, row, from?.room ?? target.room, row.bookedBy !== actor.id),
			stillAsSeen: (current) => versionOf(current) === seenVersion,
			changes: { purpose: input.purpose, attendees: input.attendees, status },
			// Only a new place uses the quota differently (its own old hours no longer count).
			limits: placeChanged ? movedLimits(target, row, start, end) : [],
			notices: awaitsDecision ? (changed, tx) => editedRequestNotices(target, changed, tx) : undefined,
			changedMeanwhile: () => new ConflictError('booking_changed_meanwhile')
		}
	);
	return editedOf(edited);
}
