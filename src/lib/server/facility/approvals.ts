import { and, asc, count, eq, gt } from 'drizzle-orm';
import { can, type Actor } from '../auth/permissions';
import * as clock from '../clock';
import { db } from '../db';
import { appUser, reservation, room, school } from '../db/schema';
import { isUuid } from '../db/sql';
import { transitions } from '../engine';
import { principalHold } from '../engine/holds.store';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { decisionWords } from '../rooms/notify';
import { bookerDepartmentCode, purposeAsSeenBy } from '../rooms/purpose';

export const REASON_MAX_LENGTH = 500;

export interface PendingRequest {
	id: string;
	roomId: string;
	roomNameKo: string;
	roomNameEn: string;
	start: Date;
	end: Date;
	bookerName: string;
	bookerEmail: string;
	schoolNameKo: string | null;
	schoolNameEn: string | null;
	purpose: string;
	purposeWithheld?: true;
	attendees: number;
	requestedAt: Date;
	seriesId: string | null;
}

export interface Decision {
	id: string;
	roomId: string;
	status: 'confirmed' | 'rejected';
	roomNameKo: string;
	roomNameEn: string;
	start: Date;
	end: Date;
	bookerName: string;
}

function ensureMayDecide(actor: Actor) {
	if (!can(actor, 'reservations.approve')) throw new ForbiddenError();
}

/**
 * Requests waiting for a decision, soonest first. Those whose start has passed are left out:
 * the lapse job releases them (nobody can approve a booking that already began).
 */
/** A request still waiting for a decision: requested, and not started yet (at its start it lapses). */
export const awaitingDecision = (now: Date) => and(eq(reservation.status, 'requested'), gt(reservation.startsAt, now), principalHold)!;

/** How many requests wait for a decision (the dashboard's figure and the navigation's badge): the list below, counted. */
export async function countPending(actor: Actor, now: Date): Promise<number> {
	if (!can(actor, 'reservations.approve')) return 0;
	const [row] = await db
		.select({ n: count() })
		.from(reservation)
		.innerJoin(room, eq(room.resourceId, reservation.resourceId))
		.where(awaitingDecision(now));
	return Number(row?.n ?? 0);
}

export async function listPending(actor: Actor): Promise<PendingRequest[]> {
	ensureMayDecide(actor);
	const rows = await db
		.select({
			id: reservation.id,
			roomId: reservation.resourceId,
			roomNameKo: room.nameKo,
			roomNameEn: room.nameEn,
			start: reservation.startsAt,
			end: reservation.endsAt,
			bookerName: appUser.name,
			bookerEmail: appUser.email,
			schoolNameKo: school.nameKo,
			schoolNameEn: school.nameEn,
			purpose: reservation.purpose,
			bookedBy: reservation.bookedBy,
			bookerDepartmentCode,
			schoolId: reservation.schoolId,
			attendees: reservation.attendees,
			requestedAt: reservation.createdAt,
			seriesId: reservation.seriesId
		})
		.from(reservation)
		.innerJoin(room, eq(room.resourceId, reservation.resourceId))
		.innerJoin(appUser, eq(appUser.id, reservation.bookedBy))
		.leftJoin(school, eq(school.id, reservation.schoolId))
		.where(awaitingDecision(clock.now()))
		.orderBy(asc(reservation.startsAt), asc(reservation.createdAt));
	// Only the purpose as the actor may read it leaves here, not the booker's department.
	return rows.map(({ bookedBy, bookerDepartmentCode: departmentCode, schoolId, ...row }) => ({
		...row,
		...purposeAsSeenBy(actor, { purpose: row.purpose, bookedBy, bookerDepartmentCode: departmentCode, schoolId })
	}));
}

type Outcome = 'confirmed' | 'rejected';

/**
 * Approve or reject a request: the engine's transition writes it with its audit row and the
 * booker's e-mail in one transaction (of two staff deciding at once exactly one wins; the other
 * gets a conflict); the words of the e-mail are the room's.
 */
async function decide(actor: Actor, id: string, outcome: Outcome, reason: string | null): Promise<Decision> {
	ensureMayDecide(actor);
	if (!isUuid(id)) throw new NotFoundError();
	// Room bookings only: a consultation (or its room hold) is its department's to decide.
	const [isRoomBooking] = await db
		.select({ id: reservation.id })
		.from(reservation)
		.innerJoin(room, eq(room.resourceId, reservation.resourceId))
		.where(and(eq(reservation.id, id), principalHold));
	if (!isRoomBooking) throw new NotFoundError();
	let roomNames = { nameKo: '', nameEn: '' };
	const words = decisionWords(outcome, reason, (names) => (roomNames = names));
	const { booking, booker } = await transitions.decide(actor.id, id, outcome, { reason, words });
	return {
		id,
		roomId: booking.resourceId,
		status: outcome,
		roomNameKo: roomNames.nameKo,
		roomNameEn: roomNames.nameEn,
		start: booking.startsAt,
		end: booking.endsAt,
		bookerName: booker.name
	};
}

export function approve(actor: Actor, id: string): Promise<Decision> {
	return decide(actor, id, 'confirmed', null);
}

/** Reject with a reason the booker reads; an empty reason is refused. */
export async function reject(actor: Actor, id: string, reason: string): Promise<Decision> {
	ensureMayDecide(actor);
	const trimmed = (reason ?? '').trim();
	if (!trimmed) throw new ValidationError([{ rule: 'reason', messageKey: 'facility_reason_required' }]);
	if (trimmed.length > REASON_MAX_LENGTH)
		throw new ValidationError([{ rule: 'reason', messageKey: 'field_too_long', params: { max: REASON_MAX_LENGTH } }]);
	return decide(actor, id, 'rejected', trimmed);
}
