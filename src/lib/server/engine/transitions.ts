import { and, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import * as audit from '../audit';
import * as clock from '../clock';
import { db, type Executor } from '../db';
import { appUser, reservation, type Reservation } from '../db/schema';
import { instant } from '../db/sql';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { Mail } from '../notifications/letter';
import * as outbox from '../notifications/outbox';
import * as reminders from '../reminders';
import { clashes, holding, isHolding, lockResourcesOf, ofBooking, type Clash } from './holds.store';
import { countAll, lockLimits, type Limit } from './limits';
import type { Notice } from './policy';
import { isOverlap, withRetry } from './retry';

/**
 * The one owner of a booking's life cycle: every status change of every service's bookings
 * (approve, reject, cancel, cancel for a closure, lapse, move, complete, no-show) is written here,
 * each in one transaction with its audit row and, where the booker hears of it, its outbox mail.
 * Services decide who may do what and supply the words of the mail; they never write holds.
 * Each change applies to every hold of the booking (a consultant and a room change together).
 */

export interface Booker {
	name: string;
	email: string;
}

/**
 * The booker's e-mail about a change, in the service's words: a Mail composed per language (the
 * outbox picks the booker's). Null: this service has nothing to say about that booking.
 */
export type Words = (booking: Reservation, booker: Booker, tx: Executor) => Promise<Mail | null>;

/** The same for a change of several bookings of one booker at once (a series cancelled from a date on): one mail. */
export type WordsForMany = (bookings: Reservation[], booker: Booker, tx: Executor) => Promise<Mail | null>;

async function bookerOf(tx: Executor, booking: Reservation): Promise<Booker | undefined> {
	const [booker] = await tx.select({ email: appUser.email, name: appUser.name }).from(appUser).where(eq(appUser.id, booking.bookedBy));
	return booker;
}

/** Queue the booker's e-mail with the change's transaction, in the booker's language. */
async function tell(tx: Executor, booking: Reservation, words: Words | undefined): Promise<Booker | undefined> {
	const booker = await bookerOf(tx, booking);
	if (!booker || !words) return booker;
	const mail = await words(booking, booker, tx);
	if (mail) await outbox.mail(tx, { userId: booking.bookedBy }, mail);
	return booker;
}

/** The first hold of a booking's holds (the one whose id names it), else the first. */
function principal(rows: Reservation[], bookingId: string): Reservation | undefined {
	return rows.find((r) => r.id === bookingId) ?? rows[0];
}

/**
 * Approve or reject a request, tell the booker, and audit it, all in one transaction. The update
 * only matches holds still 'requested' and not yet started, so of two staff deciding at once
 * exactly one wins; the other gets a conflict.
 */
export async function decide(
	actorId: string,
	bookingId: string,
	outcome: 'confirmed' | 'rejected',
	{ reason, words }: { reason: string | null; words: Words }
): Promise<{ booking: Reservation; booker: Booker }> {
	const now = clock.now();
	return db.transaction(async (tx) => {
		// Approving writes new row versions that the exclusion constraint checks again: take the
		// resources' turn like an insert does, so it cannot deadlock with a simultaneous booking.
		if (outcome === 'confirmed') await lockResourcesOf(tx, bookingId);
		const rows = await tx
			.update(reservation)
			.set({ status: outcome, decidedBy: actorId, decidedAt: now, decisionReason: reason, updatedAt: now })
			.where(and(ofBooking(bookingId), eq(reservation.status, 'requested'), gt(reservation.startsAt, now)))
			.returning();
		const booking = principal(rows, bookingId);
		if (!booking) {
			const [existing] = await tx.select({ id: reservation.id }).from(reservation).where(eq(reservation.id, bookingId));
			throw existing ? new ConflictError('booking_not_pending') : new NotFoundError();
		}
		const booker = (await tell(tx, booking, words))!;
		await audit.record(tx, {
			actorId,
			action: outcome === 'confirmed' ? 'reservation.approve' : 'reservation.reject',
			entity: 'reservation',
			entityId: bookingId,
			before: { status: 'requested' },
			after: { status: outcome, reason }
		});
		return { booking, booker };
	});
}

export interface CancelSelection {
	/** The booking named (a hold's id). */
	bookingId: string;
	/** With it, the rest of its series: holds of the series starting at or after `from` (and after `startsAfter`). */
	following?: { seriesId: string; from: Date; startsAfter?: Date };
}

/** Cancel a booking (or it and the rest of its series) that still holds its time; the ids cancelled. */
export async function cancel(
	actorId: string,
	selection: CancelSelection,
	{
		reason = null,
		before,
		scope,
		words
	}: { reason?: string | null; before: { status: string }; scope: 'one' | 'following'; words?: WordsForMany }
): Promise<{ cancelled: string[] }> {
	const now = clock.now();
	const { following } = selection;
	const where: SQL = following
		? and(
				eq(reservation.seriesId, following.seriesId),
				gte(reservation.startsAt, following.from),
				holding,
				following.startsAfter ? gt(reservation.startsAt, following.startsAfter) : undefined
			)!
		: ofBooking(selection.bookingId);
	return db.transaction(async (tx) => {
		const rows = await tx
			.update(reservation)
			.set({ status: 'cancelled', cancelledBy: actorId, cancelledAt: now, cancelReason: reason, updatedAt: now })
			.where(where)
			.returning();
		const cancelled = rows.map((r) => ({ id: r.id }));
		await reminders.withdraw(tx, cancelled.map((c) => c.id));
		// One mail for what was cancelled together: a booking's first hold stands for it.
		const bookings = rows.filter((r) => (r.bookingId ?? r.id) === r.id).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
		if (words && bookings.length) {
			const booker = await bookerOf(tx, bookings[0]!);
			const mail = booker ? await words(bookings, booker, tx) : null;
			if (mail) await outbox.mail(tx, { userId: bookings[0]!.bookedBy }, mail);
		}
		await audit.record(tx, {
			actorId,
			action: 'reservation.cancel',
			entity: 'reservation',
			entityId: selection.bookingId,
			before,
			after: { status: 'cancelled', scope, ids: cancelled.map((c) => c.id) }
		});
		return { cancelled: cancelled.map((c) => c.id) };
	});
}

/**
 * Cancel bookings a closure covers, inside the closure's transaction: each one still holding its
 * time is cancelled, its booker told in the service's words, and audited with the closure's id.
 * A booking cancelled meanwhile by its booker is neither cancelled again nor mailed.
 */
export async function cancelForClosure(
	tx: Executor,
	actorId: string,
	bookings: { id: string; status: string }[],
	{ reason, closureId, words }: { reason: string; closureId: string; words: Words }
): Promise<string[]> {
	const now = clock.now();
	const cancelledIds: string[] = [];
	for (const booking of bookings) {
		const rows = await tx
			.update(reservation)
			.set({ status: 'cancelled', cancelledBy: actorId, cancelledAt: now, cancelReason: reason, updatedAt: now })
			.where(and(ofBooking(booking.id), holding))
			.returning();
		const done = principal(rows, booking.id);
		if (!done) continue;
		await reminders.withdraw(tx, rows.map((r) => r.id));
		cancelledIds.push(booking.id);
		await tell(tx, done, words);
		await audit.record(tx, {
			actorId,
			action: 'reservation.cancel',
			entity: 'reservation',
			entityId: booking.id,
			before: { status: booking.status },
			after: { status: 'cancelled', reason, closureId }
		});
	}
	return cancelledIds;
}

/**
 * Requests nobody decided before they started stop holding the time (audited, by nobody: the
 * lapse job); each booker is told in the words of the service that owns the booking.
 */
export async function lapse({ words }: { words?: Words } = {}): Promise<number> {
	const now = clock.now();
	return db.transaction(async (tx) => {
		const rows = await tx
			.update(reservation)
			.set({ status: 'rejected', decisionReason: 'lapsed', decidedAt: now, updatedAt: now })
			.where(and(eq(reservation.status, 'requested'), lt(reservation.startsAt, now)))
			.returning();
		for (const booking of rows.filter((r) => (r.bookingId ?? r.id) === r.id)) await tell(tx, booking, words);
		await audit.recordMany(
			tx,
			rows.map((r) => ({
				actorId: null,
				action: 'reservation.lapse',
				entity: 'reservation',
				entityId: r.id,
				before: { status: 'requested' },
				after: { status: 'rejected', reason: 'lapsed' }
			}))
		);
		return rows.length;
	});
}

/** Where a booking is moved to: a new time and, optionally, another resource for its named hold. */
export interface MoveTarget {
	start: Date;
	end: Date;
	heldFrom: Date;
	heldUntil: Date;
	/**
	 * Another resource for the hold `before` names (a room booking moved to another room); its other
	 * holds stay on theirs. `heldFrom`/`heldUntil` are that hold's; the others keep their own margins.
	 */
	resourceId?: string;
}

/**
 * What an edit changes besides the place (a booker editing their booking in place): its details,
 * and its status when the new place needs a decision again (back to 'requested', the earlier
 * decision cleared; the audit row keeps it).
 */
export interface EditChanges {
	purpose: string;
	attendees: number;
	status: Extract<Reservation['status'], 'requested' | 'confirmed'>;
}

/** What a move's audit row keeps: where the booking was and where it went, by the app's clock. */
export interface MoveAudit {
	before: { start: string; end: string; resourceId: string };
	after: { start: string; end: string; resourceId: string; movedAt: string; undoOf?: number };
}

/** Where the user saw a booking when they asked to move it (its own times, not the held ones). */
export interface SeenPlace {
	start: Date;
	end: Date;
	resourceId: string;
}

/**
 * Move a booking to a new time, or to another resource (every hold moves in time, each keeping
 * its buffers as given; only the named hold changes resource). All or nothing, in one
 * transaction with its audit row and the booker's mail. The caller has checked the rules for the
 * new time and place; PostgreSQL still refuses an overlap, answered as a conflict naming the
 * clashing holds (the booking's own old time left out). `undoOf` marks a move that undoes an
 * earlier one (its audit row's id); `limits` are what the booking uses at its new place, counted
 * again in the transaction (refused with their violations); `changedMeanwhile` is the refusal when
 * the booking is no longer where it was seen (an undo says its time is over).
 */
export async function move(
	actorId: string,
	before: Reservation,
	to: MoveTarget,
	{
		words,
		undoOf,
		seen,
		stillAsSeen,
		changes,
		notices,
		limits = [],
		changedMeanwhile = () => new ConflictError('booking_moved_meanwhile'),
		alsoWrite
	}: {
		words: Words;
		undoOf?: number;
		seen?: SeenPlace;
		/** A finer test than `seen` (an edit compares the whole booking's version), on the locked row. */
		stillAsSeen?: (current: Reservation) => boolean;
		/** An edit: the details and status it changes too (audited as `reservation.edit`, with them before and after). */
		changes?: EditChanges;
		/** Mails to others than the booker (staff who must decide again), queued in the same transaction. */
		notices?: (changed: Reservation, tx: Executor) => Promise<Notice[]>;
		limits?: Limit[];
		changedMeanwhile?: () => Error;
		/** The service's own record of the booking, changed in the move's transaction (a consultation's consultant). */
		alsoWrite?: (tx: Executor) => Promise<void>;
	}
): Promise<Reservation> {
	const now = clock.now();
	const bookingId = before.bookingId ?? before.id;
	const resourceId = to.resourceId ?? before.resourceId;
	const changesResource = resourceId !== before.resourceId;
	try {
		return await withRetry(() =>
			db.transaction(async (tx) => {
				// Like an insert, a move takes its turn on the resources, the new one included, in
				// one sorted call: no deadlock with simultaneous bookings or a move the other way.
				await lockResourcesOf(tx, bookingId, changesResource ? [resourceId] : []);
				// The caller read `before` outside this transaction (and its user may have seen the booking
				// earlier still: `seen`): lock the row and check it is still where they saw it, so that of
				// two staff moving (or undoing) one booking from the same view only the first wins; the
				// second is told the booking changed meanwhile.
				const [current] = await tx.select().from(reservation).where(eq(reservation.id, before.id)).for('update');
				if (!current || !isHolding(current.status)) throw new ConflictError('booking_not_cancellable');
				const expected = seen ?? { start: before.startsAt, end: before.endsAt, resourceId: before.resourceId };
				if (
					current.startsAt.getTime() !== expected.start.getTime() ||
					current.endsAt.getTime() !== expected.end.getTime() ||
					current.resourceId !== expected.resourceId ||
					(stillAsSeen && !stillAsSeen(current))
				)
					throw changedMeanwhile();
				const rows = await tx
					.update(reservation)
					.set({
						startsAt: to.start,
						endsAt: to.end,
						// The hold `before` names takes the target's held interval; a booking's other holds
						// (a consultation's room) keep their own margins around the new times.
						heldFrom: sql<Date>`case when ${reservation.id} = ${before.id}::uuid then ${instant(to.heldFrom)}
							else ${instant(to.start)} - (${reservation.startsAt} - ${reservation.heldFrom}) end`,
						heldUntil: sql<Date>`case when ${reservation.id} = ${before.id}::uuid then ${instant(to.heldUntil)}
							else ${instant(to.end)} + (${reservation.heldUntil} - ${reservation.endsAt}) end`,
						updatedAt: now,
						...(changes ? { purpose: changes.purpose, attendees: changes.attendees, status: changes.status } : {}),
						...(changes?.status === 'requested' && current.status !== 'requested' ? { decidedBy: null, decidedAt: null, decisionReason: null } : {}),
						...(changesResource
							? { resourceId: sql<string>`case when ${reservation.id} = ${before.id}::uuid then ${resourceId}::uuid else ${reservation.resourceId} end` }
							: {})
					})
					.where(and(ofBooking(bookingId), holding))
					.returning();
				const moved = principal(rows, before.id);
				if (!moved) throw new ConflictError('booking_not_cancellable');
				// The limits the booking uses at its new place (the school's monthly quota of the room):
				// counted again under their locks with the booking already there, so a move never takes
				// a school past them, however many bookings and moves run at once.
				if (limits.length) {
					await lockLimits(tx, limits.map((l) => l.key));
					const used = await countAll(tx, limits);
					const over = limits.filter((l) => used.get(l.key)! > l.max);
					if (over.length) throw new ValidationError(over.map((l) => l.refusal(used.get(l.key)! - l.amount)));
				}
				// A reminder of the old time still waiting is withdrawn; the new time gets its own (its
				// key is the booking and its start). An edit of the details alone keeps it.
				const replaced =
					current.startsAt.getTime() !== to.start.getTime() || current.resourceId !== resourceId || current.status !== moved.status;
				if (!changes || replaced) await reminders.withdraw(tx, rows.map((r) => r.id));
				const trail: MoveAudit = {
					before: { start: current.startsAt.toISOString(), end: current.endsAt.toISOString(), resourceId: current.resourceId },
					after: {
						start: to.start.toISOString(),
						end: to.end.toISOString(),
						resourceId,
						movedAt: now.toISOString(),
						...(undoOf !== undefined ? { undoOf } : {})
					}
				};
				if (changes) {
					const detailsOf = (r: Reservation) => ({ purpose: r.purpose, attendees: r.attendees, status: r.status });
					await audit.record(tx, {
						actorId,
						action: 'reservation.edit',
						entity: 'reservation',
						entityId: before.id,
						before: { ...trail.before, ...detailsOf(current) },
						after: { ...trail.after, ...detailsOf(moved) }
					});
				} else await audit.record(tx, { actorId, action: 'reservation.move', entity: 'reservation', entityId: before.id, ...trail });
				await alsoWrite?.(tx);
				await tell(tx, moved, words);
				for (const notice of (await notices?.(moved, tx)) ?? []) await outbox.mail(tx, notice.to, notice.mail);
				return moved;
			})
		);
	} catch (error) {
		if (!isOverlap(error)) throw error;
		const own = (c: Clash) =>
			c.resourceId === before.resourceId && c.start === before.heldFrom.toISOString() && c.end === before.heldUntil.toISOString();
		const conflicts = (await clashes([resourceId], to.heldFrom, to.heldUntil, db)).filter((c) => !own(c));
		throw new ConflictError<{ conflicts: Clash[] }>('booking_conflict').with({ conflicts });
	}
}

/**
 * A confirmed booking that has ended is completed; one whose booker did not come is a no-show
 * (from its start on). Only a confirmed booking changes; the answer says whether it did.
 */
export async function finish(actorId: string, bookingId: string, outcome: 'completed' | 'no_show'): Promise<boolean> {
	const now = clock.now();
	const started = outcome === 'completed' ? lt(reservation.endsAt, now) : lt(reservation.startsAt, now);
	return db.transaction(async (tx) => {
		const rows = await tx
			.update(reservation)
			.set({ status: outcome, updatedAt: now })
			.where(and(ofBooking(bookingId), eq(reservation.status, 'confirmed'), started))
			.returning({ id: reservation.id });
		if (rows.length === 0) return false;
		await audit.record(tx, {
			actorId,
			action: outcome === 'completed' ? 'reservation.complete' : 'reservation.no_show',
			entity: 'reservation',
			entityId: bookingId,
			before: { status: 'confirmed' },
			after: { status: outcome, ids: rows.map((r) => r.id) }
		});
		return true;
	});
}
