import { and, asc, eq, gt } from 'drizzle-orm';
import { isSupportedDate } from '../../schemas/primitives';
import { seoulInstant } from '../../time/seoul';
import * as audit from '../audit';
import { can, type Actor } from '../auth/permissions';
import * as clock from '../clock';
import { db, type Executor } from '../db';
import { appUser, closure, reservation, resource, room, school } from '../db/schema';
import { ForbiddenError, NotFoundError, ValidationError, type Violation } from '../errors';
import { transitions } from '../engine';
import { bookedDuring, holding } from '../engine/holds.store';
import { parseTimeOfDay } from '../../time/time-of-day';
import { isUuid } from '../db/sql';
import { closureWords } from '../rooms/notify';
import { bookerDepartmentCode, purposeAsSeenBy } from '../rooms/purpose';

export const REASON_MAX_LENGTH = 300;

/** The create form as typed: Seoul dates ("2026-12-02") and times ("13:00"). */
export interface ClosureInput {
	/** A room's id, or '' for the whole building. */
	roomId: string;
	fromDate: string;
	fromTime: string;
	toDate: string;
	toTime: string;
	reason: string;
}

export interface ClosureRange {
	resourceId: string | null;
	start: Date;
	end: Date;
	reason: string;
}

/** Every problem with a closure form at once; the range when there is none. */
export function checkClosure(
	input: ClosureInput,
	known: { roomIds: readonly string[]; now: Date }
): { violations: Violation[]; range: ClosureRange | null } {
	const violations: Violation[] = [];
	if (input.roomId && !known.roomIds.includes(input.roomId))
		violations.push({ rule: 'roomId', messageKey: 'facility_choice_unknown' });
	// Real dates inside the supported calendar (2000–2100) only.
	const fromDateOk = isSupportedDate(input.fromDate.trim());
	const toDateOk = isSupportedDate(input.toDate.trim());
	if (!fromDateOk) violations.push({ rule: 'fromDate', messageKey: 'field_date_invalid' });
	if (!toDateOk) violations.push({ rule: 'toDate', messageKey: 'field_date_invalid' });
	const fromMinute = parseTimeOfDay(input.fromTime);
	const toMinute = parseTimeOfDay(input.toTime);
	if (fromMinute === null) violations.push({ rule: 'fromTime', messageKey: 'field_time_invalid' });
	if (toMinute === null) violations.push({ rule: 'toTime', messageKey: 'field_time_invalid' });
	const reason = input.reason.trim();
	if (!reason) violations.push({ rule: 'reason', messageKey: 'facility_closure_reason_required' });
	else if (reason.length > REASON_MAX_LENGTH)
		violations.push({ rule: 'reason', messageKey: 'field_too_long', params: { max: REASON_MAX_LENGTH } });

	let range: ClosureRange | null = null;
	if (fromDateOk && toDateOk && fromMinute !== null && toMinute !== null) {
		const start = seoulInstant(input.fromDate.trim(), fromMinute);
		const end = seoulInstant(input.toDate.trim(), toMinute);
		if (end <= start) violations.push({ rule: 'toDate', messageKey: 'facility_closure_end_before_start' });
		else if (end <= known.now) violations.push({ rule: 'toDate', messageKey: 'facility_closure_in_past' });
		else range = { resourceId: input.roomId || null, start, end, reason };
	}
	return { violations, range: violations.length ? null : range };
}

export interface AffectedBooking {
	id: string;
	roomNameKo: string | null;
	roomNameEn: string | null;
	start: Date;
	end: Date;
	status: string;
	bookerName: string;
	bookerEmail: string;
	schoolNameKo: string | null;
	schoolNameEn: string | null;
	purpose: string;
	purposeWithheld?: true;
	bookedBy: string;
	bookerDepartmentCode: string | null;
	schoolId: string | null;
}

/** Holding bookings that overlap the range: of the room, or of every resource for the building. */
export function affectedBookings(range: Pick<ClosureRange, 'resourceId' | 'start' | 'end'>, executor: Executor = db): Promise<AffectedBooking[]> {
	return executor
		.select({
			id: reservation.id,
			roomNameKo: room.nameKo,
			roomNameEn: room.nameEn,
			start: reservation.startsAt,
			end: reservation.endsAt,
			status: reservation.status,
			bookerName: appUser.name,
			bookerEmail: appUser.email,
			schoolNameKo: school.nameKo,
			schoolNameEn: school.nameEn,
			purpose: reservation.purpose,
			bookedBy: reservation.bookedBy,
			bookerDepartmentCode,
			schoolId: reservation.schoolId
		})
		.from(reservation)
		.innerJoin(appUser, eq(appUser.id, reservation.bookedBy))
		.leftJoin(room, eq(room.resourceId, reservation.resourceId))
		.leftJoin(school, eq(school.id, reservation.schoolId))
		.where(
			and(
				holding,
				range.resourceId ? eq(reservation.resourceId, range.resourceId) : undefined,
				bookedDuring(range.start, range.end)
			)
		)
		.orderBy(asc(reservation.startsAt), asc(room.sortOrder));
}

function ensureMayManage(actor: Actor) {
	if (!can(actor, 'rooms.manage')) throw new ForbiddenError();
}

export interface UpcomingClosure {
	id: string;
	roomId: string | null;
	roomNameKo: string | null;
	roomNameEn: string | null;
	start: Date;
	end: Date;
	reason: string;
}

/** Closures that have not ended yet, soonest first. */
export async function listUpcoming(actor: Actor): Promise<UpcomingClosure[]> {
	ensureMayManage(actor);
	return db
		.select({
			id: closure.id,
			roomId: closure.resourceId,
			roomNameKo: room.nameKo,
			roomNameEn: room.nameEn,
			start: closure.startsAt,
			end: closure.endsAt,
			reason: closure.reason
		})
		.from(closure)
		.leftJoin(room, eq(room.resourceId, closure.resourceId))
		.where(gt(closure.endsAt, clock.now()))
		.orderBy(asc(closure.startsAt));
}

/** Rooms a closure may name (inactive ones too: they may come back). */
export function roomChoices() {
	return db
		.select({ id: room.resourceId, nameKo: room.nameKo, nameEn: room.nameEn })
		.from(room)
		.innerJoin(resource, eq(resource.id, room.resourceId))
		.orderBy(asc(room.sortOrder));
}

export interface CreateOptions {
	/** The second submit: staff saw the affected bookings and chose which to cancel. */
	confirm: boolean;
	/** Bookings listed on the confirmation step. */
	shownIds: string[];
	/** Of those, the ones to cancel. */
	cancelIds: string[];
}

export type CreateOutcome =
	| { status: 'confirm'; affected: AffectedBooking[] }
	| { status: 'created'; closureId: string; cancelledIds: string[]; keptIds: string[] };

/**
 * Close a room or the building. When holding bookings overlap, the first call only lists them;
 * the confirmed call creates the closure and cancels the chosen bookings, with an e-mail to each
 * booker and audit rows, in one transaction. A booking made after the list was shown sends staff
 * back to the list, so nothing is cancelled unseen or kept unnoticed.
 */
export async function create(actor: Actor, input: ClosureInput, options: CreateOptions): Promise<CreateOutcome> {
	ensureMayManage(actor);
	const rooms = await roomChoices();
	const now = clock.now();
	const { violations, range } = checkClosure(input, { roomIds: rooms.map((r) => r.id), now });
	if (violations.length || !range) throw new ValidationError(violations);

	return db.transaction(async (tx) => {
		const affected = await affectedBookings(range, tx);
		const unseen = affected.some((a) => !options.shownIds.includes(a.id));
		// Listed to facility staff: each purpose as they may read it (a mediation booking's is withheld).
		if (affected.length && (!options.confirm || unseen))
			return { status: 'confirm', affected: affected.map((a) => ({ ...a, ...purposeAsSeenBy(actor, a) })) } as const;

		const [created] = await tx
			.insert(closure)
			.values({ resourceId: range.resourceId, startsAt: range.start, endsAt: range.end, reason: range.reason, createdBy: actor.id })
			.returning();
		const chosen = affected.filter((a) => options.cancelIds.includes(a.id));
		const cancelledIds = await transitions.cancelForClosure(tx, actor.id, chosen, {
			reason: range.reason,
			closureId: created!.id,
			words: closureWords(range.reason)
		});
		const keptIds = affected.filter((a) => !cancelledIds.includes(a.id)).map((a) => a.id);
		await audit.record(tx, {
			actorId: actor.id,
			action: 'closure.create',
			entity: 'closure',
			entityId: created!.id,
			after: {
				resourceId: range.resourceId,
				start: range.start.toISOString(),
				end: range.end.toISOString(),
				reason: range.reason,
				cancelled: cancelledIds,
				kept: keptIds
			}
		});
		return { status: 'created', closureId: created!.id, cancelledIds, keptIds } as const;
	});
}

export async function remove(actor: Actor, id: string): Promise<void> {
	ensureMayManage(actor);
	if (!isUuid(id)) throw new NotFoundError();
	await db.transaction(async (tx) => {
		const [gone] = await tx.delete(closure).where(eq(closure.id, id)).returning();
		if (!gone) throw new NotFoundError();
		await audit.record(tx, {
			actorId: actor.id,
			action: 'closure.delete',
			entity: 'closure',
			entityId: id,
			before: { resourceId: gone.resourceId, start: gone.startsAt.toISOString(), end: gone.endsAt.toISOString(), reason: gone.reason }
		});
	});
}
