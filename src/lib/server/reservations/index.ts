import { and, asc, eq, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import * as audit from '../audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import * as clock from '../clock';
import { db, type Executor } from '../db';
import { reservation, type Reservation } from '../db/schema';
import { instant, isUuid } from '../db/sql';
import { ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError, ValidationError } from '../errors';
import * as rateLimit from '../rate-limit';
import { suggestAlternatives, type Alternative } from './alternatives';
import { HOLDING, loadBookingContext, loadRoom, quotaUsedMinutes, ruleContext, type RoomWithRules } from './context';
import { isOverlap, withRetry } from './errors';
import { heldInterval } from './held';
import { notifyMoved } from './notify';
import { insertAudited, insertMany, isQuotaExceeded, lockResources, type NewHold } from './store';
import type { BookingInput } from './input';
import { checkBooking } from './rules';
import { quotaViolation } from './rules/quota';
import { planSeries, type Interval, type OccurrencePreview, type OccurrenceState } from './series';

export { parseBookingInput, type BookingInput } from './input';
export type { Interval, OccurrencePreview, OccurrenceState } from './series';

/** Previews per user and minute (a 52-week preview is a few queries, but not free): counted in the database. */
export const PREVIEW_RATE: rateLimit.Limit = { limit: 30, windowMs: 60_000 };

export interface CreatedReservation {
	id: string;
	roomId: string;
	start: string;
	end: string;
	status: Reservation['status'];
	seriesId?: string | null;
}

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

async function ensureRoom(roomId: string): Promise<RoomWithRules> {
	const target = await loadRoom(roomId);
	if (!target) throw new ValidationError([{ rule: 'roomId', messageKey: 'booking_room_required' }]);
	return target;
}

function ensureMayBook(actor: SessionUser) {
	if (!can(actor, 'rooms.book')) throw new ForbiddenError();
}

/** Held intervals of the resource's holding reservations that overlap [from, to). */
export async function clashes(resourceId: string, from: Date, to: Date, executor: Executor = db): Promise<Interval[]> {
	const rows = await executor
		.select({ heldFrom: reservation.heldFrom, heldUntil: reservation.heldUntil })
		.from(reservation)
		.where(
			and(
				eq(reservation.resourceId, resourceId),
				inArray(reservation.status, [...HOLDING]),
				sql`${reservation.held} && tstzrange(${instant(from)}, ${instant(to)}, '[)')`
			)
		)
		.orderBy(asc(reservation.heldFrom));
	return rows.map((r) => ({ start: r.heldFrom.toISOString(), end: r.heldUntil.toISOString() }));
}

function statusFor(actor: SessionUser, target: RoomWithRules): Reservation['status'] {
	return target.rules.requiresApproval && !can(actor, 'reservations.approve') ? 'requested' : 'confirmed';
}

function rowValues(actor: SessionUser, target: RoomWithRules, input: BookingInput, start: Date, end: Date, seriesId: string | null): NewHold {
	return {
		id: crypto.randomUUID(),
		resourceId: target.room.resourceId,
		startsAt: start,
		endsAt: end,
		...heldInterval(start, end, target.rules),
		status: statusFor(actor, target),
		bookedBy: actor.id,
		schoolId: actor.role === 'school_user' ? actor.schoolId : null,
		purpose: input.purpose,
		attendees: input.attendees,
		seriesId
	};
}

async function refuseWithAlternatives(
	error: ValidationError | ConflictError,
	actor: SessionUser,
	target: RoomWithRules,
	input: BookingInput
): Promise<never> {
	const alternatives: Alternative[] = await suggestAlternatives(actor, target, input, clock.now());
	throw error.with({ alternatives });
}

/** A write the caller wants made atomically with the booking (an idempotency key with its answer). */
export interface WriteAlso<Answer> {
	alsoWrite?: (answer: Answer) => SQL;
}

/**
 * Book a room (a weekly series: createSeries). Every broken rule comes back at once with
 * alternatives; a clash found by PostgreSQL's exclusion constraint comes back as a conflict
 * naming the clashing time.
 */
export async function create(actor: SessionUser, input: BookingInput, options: WriteAlso<CreatedReservation> = {}): Promise<CreatedReservation> {
	ensureMayBook(actor);
	if (input.recurrence) throw new Error('create() books one occurrence; use createSeries() for a recurrence');
	const loaded = await loadBookingContext(input.roomId, actor, input, clock.now());
	if (!loaded) throw new ValidationError([{ rule: 'roomId', messageKey: 'booking_room_required' }]);
	const { target, context } = loaded;
	const violations = checkBooking(context);
	if (violations.length) await refuseWithAlternatives(new ValidationError(violations), actor, target, input);

	// The id is chosen here so the answer is known before the insert and can be written with it.
	const values = rowValues(actor, target, input, input.start, input.end, null);
	const created = toCreated(values);
	try {
		const countQuota = target.rules.monthlyQuotaMinutes !== null && values.schoolId !== null;
		await withRetry(() => insertAudited(db, values, actor.id, 'reservation.create', { alsoWrite: options.alsoWrite?.(created), countQuota }));
		return created;
	} catch (error) {
		if (isQuotaExceeded(error)) {
			// Counted again under the room's lock: simultaneous bookings took the rest of the month.
			const used = await quotaUsedMinutes(values.resourceId, values.schoolId, values.startsAt);
			const quota = new ValidationError([quotaViolation(target.rules.monthlyQuotaMinutes ?? 0, used)]);
			return refuseWithAlternatives(quota, actor, target, input);
		}
		if (!isOverlap(error)) throw error;
		const conflicts = await clashes(values.resourceId, values.heldFrom, values.heldUntil);
		return refuseWithAlternatives(
			new ConflictError('booking_conflict').with({ conflicts }),
			actor,
			target,
			input
		);
	}
}

/**
 * Each occurrence of a series, marked free, in conflict with a booking, or breaking a rule (a few
 * queries for any length: series.ts). Previews are rate-limited per user in the database.
 */
export async function previewSeries(actor: SessionUser, input: BookingInput): Promise<OccurrencePreview[]> {
	ensureMayBook(actor);
	const counted = await rateLimit.hit(`series_preview:${actor.id}`, PREVIEW_RATE);
	if (!counted.ok) throw new TooManyRequestsError(counted.retryAfterSeconds, 'engine_preview_rate_limited');
	const target = await ensureRoom(input.roomId);
	return planSeries(actor, target, input, clock.now());
}

export interface CreatedSeries {
	seriesId: string;
	first: CreatedReservation;
	created: CreatedReservation[];
	skipped: { start: string; end: string; state: OccurrenceState }[];
}

/**
 * Book the free occurrences of a series in one transaction: the room's lock first, then the plan
 * counted under it (clashes, closures, the school's quota with the series' own occurrences), then
 * one insert of every free occurrence. An occurrence someone took meanwhile is skipped, not fatal.
 */
export async function createSeries(actor: SessionUser, input: BookingInput, options: WriteAlso<CreatedSeries> = {}): Promise<CreatedSeries> {
	ensureMayBook(actor);
	const target = await ensureRoom(input.roomId);
	const seriesId = crypto.randomUUID();
	return withRetry(() =>
		db.transaction(async (tx) => {
			await lockResources(tx, [target.room.resourceId]);
			const plan = await planSeries(actor, target, input, clock.now(), tx);
			const free = plan.filter((o) => o.state === 'free');
			if (free.length === 0) {
				const invalid = plan.find((o) => o.state === 'invalid');
				if (invalid) throw new ValidationError(invalid.violations).with({ occurrences: plan });
				throw new ConflictError('booking_series_all_taken').with({
					conflicts: plan.flatMap((o) => o.conflicts),
					occurrences: plan
				});
			}
			const rows = free.map((o) => rowValues(actor, target, input, new Date(o.start), new Date(o.end), seriesId));
			const inserted = await insertMany(tx, rows);
			if (inserted.length === 0) throw new ConflictError('booking_series_all_taken');
			const insertedIds = new Set(inserted.map((r) => r.id));
			const created = rows.filter((r) => insertedIds.has(r.id)).map(toCreated);
			const skipped: CreatedSeries['skipped'] = [
				...plan.filter((o) => o.state !== 'free').map(({ start, end, state }) => ({ start, end, state })),
				...rows
					.filter((r) => !insertedIds.has(r.id))
					.map((r) => ({ start: r.startsAt.toISOString(), end: r.endsAt.toISOString(), state: 'conflict' as const }))
			];
			await audit.record(tx, {
				actorId: actor.id,
				action: 'reservation.create_series',
				entity: 'reservation_series',
				entityId: seriesId,
				after: { created: created.map((c) => c.id), skipped }
			});
			skipped.sort((a, b) => a.start.localeCompare(b.start));
			const series: CreatedSeries = { seriesId, first: created[0]!, created, skipped };
			if (options.alsoWrite) await tx.execute(options.alsoWrite(series));
			return series;
		})
	);
}

/** A reservation the actor may see in full: their own, their school's, or any for staff who see all. */
export async function get(actor: SessionUser, id: string): Promise<Reservation> {
	if (!isUuid(id)) throw new NotFoundError();
	const [row] = await db.select().from(reservation).where(eq(reservation.id, id));
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
 * before the start; facility staff at any time.
 */
export async function cancel(actor: SessionUser, id: string, options: { scope?: CancelScope; reason?: string } = {}) {
	const row = await get(actor, id);
	const target = await loadRoom(row.resourceId);
	const staff = can(actor, 'reservations.approve');
	if (row.bookedBy !== actor.id && !staff) throw new ForbiddenError();
	if (!(HOLDING as readonly string[]).includes(row.status)) throw new ConflictError('booking_not_cancellable');
	const now = clock.now();
	const cutoffMs = (target?.rules.cancelCutoffMinutes ?? 0) * 60_000;
	if (!staff && row.startsAt.getTime() - cutoffMs < now.getTime())
		throw new ConflictError('booking_cancel_cutoff', { minutes: target?.rules.cancelCutoffMinutes ?? 0 });

	const scope = options.scope === 'following' && row.seriesId ? 'following' : 'one';
	return db.transaction(async (tx) => {
		const where =
			scope === 'following'
				? and(
						eq(reservation.seriesId, row.seriesId!),
						gte(reservation.startsAt, row.startsAt),
						inArray(reservation.status, [...HOLDING]),
						staff ? undefined : gt(reservation.startsAt, new Date(now.getTime() + cutoffMs))
					)
				: eq(reservation.id, row.id);
		const cancelled = await tx
			.update(reservation)
			.set({ status: 'cancelled', cancelledBy: actor.id, cancelledAt: now, cancelReason: options.reason ?? null, updatedAt: now })
			.where(where)
			.returning({ id: reservation.id });
		await audit.record(tx, {
			actorId: actor.id,
			action: 'reservation.cancel',
			entity: 'reservation',
			entityId: row.id,
			before: { status: row.status },
			after: { status: 'cancelled', scope, ids: cancelled.map((c) => c.id) }
		});
		return { cancelled: cancelled.map((c) => c.id) };
	});
}

// Approving and rejecting requests: src/lib/server/facility/approvals.ts (with the e-mail to the booker).

/** Requests nobody decided before they started stop holding the time. */
export async function lapseUndecided(): Promise<number> {
	const now = clock.now();
	const rows = await db
		.update(reservation)
		.set({ status: 'rejected', decisionReason: 'lapsed', decidedAt: now, updatedAt: now })
		.where(and(eq(reservation.status, 'requested'), lt(reservation.startsAt, now)))
		.returning({ id: reservation.id });
	return rows.length;
}

/**
 * Facility staff move or resize a booking (the calendar's drag and resize). The rules are checked
 * again for the new time; PostgreSQL still refuses an overlap. The booker hears of it by e-mail.
 */
export async function move(actor: SessionUser, id: string, start: Date, end: Date): Promise<CreatedReservation> {
	if (!can(actor, 'rooms.manage')) throw new ForbiddenError();
	const row = await get(actor, id);
	if (!(HOLDING as readonly string[]).includes(row.status)) throw new ConflictError('booking_not_cancellable');
	if (!(end > start)) throw new ValidationError([{ rule: 'end', messageKey: 'booking_end_after_start' }]);
	const target = await loadRoom(row.resourceId);
	if (!target) throw new NotFoundError();
	const request = { start, end, attendees: row.attendees };
	// Staff may move a booking of someone the room would not admit: check the rules of time only.
	const violations = checkBooking(await ruleContext(target, actor, request, clock.now())).filter((v) => v.rule !== 'eligibility');
	if (violations.length) throw new ValidationError(violations);
	const held = heldInterval(start, end, target.rules);
	const now = clock.now();
	try {
		return await withRetry(() =>
			db.transaction(async (tx) => {
				// Like an insert, a move takes its turn on the room: no deadlock with simultaneous bookings.
				await lockResources(tx, [row.resourceId]);
				const [moved] = await tx
					.update(reservation)
					.set({ startsAt: start, endsAt: end, ...held, updatedAt: now })
					.where(and(eq(reservation.id, id), inArray(reservation.status, [...HOLDING])))
					.returning();
				if (!moved) throw new ConflictError('booking_not_cancellable');
				await audit.record(tx, {
					actorId: actor.id,
					action: 'reservation.move',
					entity: 'reservation',
					entityId: id,
					before: { start: row.startsAt.toISOString(), end: row.endsAt.toISOString() },
					after: { start: start.toISOString(), end: end.toISOString() }
				});
				await notifyMoved(tx, moved, target, row);
				return toCreated(moved);
			})
		);
	} catch (error) {
		if (!isOverlap(error)) throw error;
		const conflicts = (await clashes(row.resourceId, held.heldFrom, held.heldUntil)).filter(
			(c) => !(c.start === row.heldFrom.toISOString() && c.end === row.heldUntil.toISOString())
		);
		throw new ConflictError('booking_conflict').with({ conflicts });
	}
}
