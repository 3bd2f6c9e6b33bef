import { eq, inArray } from 'drizzle-orm';
import * as audit from '../audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import * as clock from '../clock';
import { db } from '../db';
import { appUser, reservation, school } from '../db/schema';
import { isUuid } from '../db/sql';
import * as engine from '../engine';
import { ForbiddenError, NotFoundError, ValidationError, type Violation } from '../errors';
import { cancel, clashes, get, move, moveViolations, type Interval, type MovedReservation } from './bookings';
import { bookerDepartmentCode, purposeAsSeenBy } from './purpose';
import { checkEditable } from './edit-rules';
import { loadRoom, loadRooms } from './store';
import { moveInstants, type MoveFormValues } from './move-form';
import { formatTime } from '../../time/format';
import { seoulDate } from '../../time/seoul';
import type { RepeatSummary } from '../../time/repeat-text';
import { repeatSummaryOf, seriesByIds } from '../engine/series.store';

/**
 * One booking as the board opens it: the booker sees their own booking; facility staff see who
 * booked, the school and its phone, and may act on it (approve, reject, move, cancel, the audit
 * trail). Everyone else gets a 404, as for a booking that is not there: the board shows them
 * busy and free only.
 */

export interface RoomName {
	id: string;
	nameKo: string;
	nameEn: string;
}

/** A room the move form offers, with the grid its times fall on within its hours (Seoul wall clock). */
export interface MoveRoom extends RoomName {
	granularityMinutes: number;
	/** Earliest opening and latest closing minute over the week. */
	opensMinute: number;
	closesMinute: number;
}

export interface BookingDetails {
	id: string;
	room: RoomName;
	/** The booking's own times, ISO; `heldFrom`/`heldUntil` add the set-up and clean-up buffers. */
	start: string;
	end: string;
	heldFrom: string;
	heldUntil: string;
	status: string;
	purpose: string;
	purposeWithheld?: true;
	attendees: number;
	seriesId: string | null;
	/** How its series repeats, to say in words (null: a single booking). */
	repeat: RepeatSummary | null;
	mine: boolean;
	decisionReason: string | null;
	cancelReason: string | null;
	/** Staff only. */
	booker?: { name: string; email: string };
	school?: { nameKo: string; nameEn: string; phone: string | null } | null;
	/** What the viewer may do now. */
	may: { decide: boolean; move: boolean; cancel: boolean; trail: boolean; edit: boolean };
	/** Rooms a staff member may move it to (every room in use), for the move form. */
	rooms: MoveRoom[];
}

const isStaff = (actor: SessionUser) => can(actor, 'reservations.approve');

/** A booking the actor may open from the board (their own, or any for facility staff); else 404. */
export async function details(actor: SessionUser, id: string): Promise<BookingDetails> {
	const row = await get(actor, id);
	const staff = isStaff(actor);
	if (row.bookedBy !== actor.id && !staff) throw new NotFoundError();
	const [people] = await db
		.select({
			bookerName: appUser.name,
			bookerEmail: appUser.email,
			schoolNameKo: school.nameKo,
			schoolNameEn: school.nameEn,
			schoolPhone: school.phone,
			bookerDepartmentCode
		})
		.from(reservation)
		.innerJoin(appUser, eq(appUser.id, reservation.bookedBy))
		.leftJoin(school, eq(school.id, reservation.schoolId))
		.where(eq(reservation.id, row.id));
	const target = await loadRoom(row.resourceId);
	const now = clock.now();
	const withheld =
		row.bookedBy !== actor.id &&
		purposeAsSeenBy(actor, { purpose: row.purpose, bookedBy: row.bookedBy, bookerDepartmentCode: people?.bookerDepartmentCode ?? null, schoolId: row.schoolId }).purposeWithheld === true;
	const holding = engine.isHolding(row.status);
	const rooms: MoveRoom[] = staff
		? (await loadRooms()).map(({ room, rules, hours }) => ({
				id: room.resourceId,
				nameKo: room.nameKo,
				nameEn: room.nameEn,
				granularityMinutes: rules.granularityMinutes,
				opensMinute: hours.length ? Math.min(...hours.map((h) => h.opensMinute)) : 9 * 60,
				closesMinute: hours.length ? Math.max(...hours.map((h) => h.closesMinute)) : 18 * 60
			}))
		: [];
	return {
		id: row.id,
		room: { id: row.resourceId, nameKo: target?.room.nameKo ?? '', nameEn: target?.room.nameEn ?? '' },
		start: row.startsAt.toISOString(),
		end: row.endsAt.toISOString(),
		heldFrom: row.heldFrom.toISOString(),
		heldUntil: row.heldUntil.toISOString(),
		status: row.status,
		...purposeAsSeenBy(actor, { purpose: row.purpose, bookedBy: row.bookedBy, bookerDepartmentCode: people?.bookerDepartmentCode ?? null, schoolId: row.schoolId }),
		attendees: row.attendees,
		seriesId: row.seriesId,
		repeat: row.seriesId ? repeatSummaryOf((await seriesByIds(db, [row.seriesId])).get(row.seriesId) ?? null) : null,
		mine: row.bookedBy === actor.id,
		decisionReason: row.decisionReason,
		cancelReason: row.cancelReason,
		...(staff && people
			? {
					booker: { name: people.bookerName, email: people.bookerEmail },
					// A mediation case's school is case information too (need-to-know): withheld with its purpose.
					school:
						people.schoolNameKo && !withheld ? { nameKo: people.schoolNameKo, nameEn: people.schoolNameEn!, phone: people.schoolPhone } : null
				}
			: {}),
		may: {
			decide: staff && row.status === 'requested' && row.startsAt > now,
			move: staff && can(actor, 'rooms.manage') && holding,
			cancel: staff && holding,
			trail: staff,
			// Its booker, or staff who manage rooms and may read its purpose (bookings.getEditable), before it starts.
			edit:
				checkEditable(row, { actorId: actor.id, staff: can(actor, 'rooms.manage') }, now) === null &&
				(row.bookedBy === actor.id || !purposeAsSeenBy(actor, { purpose: row.purpose, bookedBy: row.bookedBy, bookerDepartmentCode: people?.bookerDepartmentCode ?? null, schoolId: row.schoolId }).purposeWithheld)
		},
		rooms
	};
}

export interface TrailEntry {
	id: number;
	at: string;
	action: string;
	actorName: string | null;
	before: unknown;
	after: unknown;
}

/** An audit row's side without the purpose, for a booking whose purpose the viewer may not read (purpose.ts). */
function withoutPurpose(side: unknown): unknown {
	if (!side || typeof side !== 'object' || Array.isArray(side)) return side;
	const { purpose: _purpose, ...rest } = side as Record<string, unknown>;
	return rest;
}

/** A booking's audit rows (every hold of it), oldest first, with who did each: facility staff only. */
export async function trail(actor: SessionUser, id: string): Promise<{ booking: BookingDetails; entries: TrailEntry[] }> {
	if (!can(actor, 'reservations.view_audit')) throw new NotFoundError();
	const booking = await details(actor, id);
	const holds = await db
		.select({ id: reservation.id })
		.from(reservation)
		.where(eq(reservation.bookingId, booking.id));
	const rows = await audit.trailOf('reservation', [...new Set([booking.id, ...holds.map((h) => h.id)])]);
	const actorIds = [...new Set(rows.map((r) => r.actorId).filter((a): a is string => a !== null))];
	const names = actorIds.length
		? new Map((await db.select({ id: appUser.id, name: appUser.name }).from(appUser).where(inArray(appUser.id, actorIds))).map((u) => [u.id, u.name]))
		: new Map<string, string>();
	return {
		booking,
		entries: rows.map((r) => ({
			id: r.id,
			at: r.at.toISOString(),
			action: r.action,
			actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
			before: booking.purposeWithheld ? withoutPurpose(r.before) : r.before,
			after: booking.purposeWithheld ? withoutPurpose(r.after) : r.after
		}))
	};
}

/** A move as the staff member is asked to confirm it: where from, where to, in which room. */
export interface MovePlan {
	from: Interval & { roomId: string };
	to: Interval & { roomId: string };
	values: MoveFormValues;
}

/** The move form's values as instants and a room, or every problem with them at once. */
function readMove(values: MoveFormValues): { start: Date; end: Date; roomId: string } {
	const { start, end, problems } = moveInstants(values);
	const roomProblem: Violation[] = isUuid(values.roomId) ? [] : [{ rule: 'roomId', messageKey: 'booking_room_required' }];
	if (problems.length || roomProblem.length || !start || !end) throw new ValidationError([...problems, ...roomProblem]);
	return { start, end, roomId: values.roomId };
}

/**
 * The move's first step: check the new time and room (the rules, and whether it is free) and
 * answer what to confirm. Nothing changes; the second step (moveConfirmed) checks everything again.
 */
export async function planMove(actor: SessionUser, id: string, values: MoveFormValues): Promise<MovePlan> {
	if (!can(actor, 'rooms.manage')) throw new ForbiddenError();
	const row = await get(actor, id);
	const { start, end, roomId } = readMove(values);
	const target = await loadRoom(roomId);
	if (!target) throw new ValidationError([{ rule: 'roomId', messageKey: 'booking_room_required' }]);
	const violations = await moveViolations(actor, target, row, start, end);
	if (violations.length) throw new ValidationError(violations);
	const held = engine.heldInterval(start, end, target.rules);
	const own = (c: Interval) => roomId === row.resourceId && c.start === row.heldFrom.toISOString() && c.end === row.heldUntil.toISOString();
	const taken = (await clashes(roomId, held.heldFrom, held.heldUntil)).filter((c) => !own(c));
	if (taken.length) throw new ValidationError(taken.map((c) => ({ rule: 'start', messageKey: 'boardops_move_taken', params: { date: seoulDate(new Date(c.start)), from: formatTime(c.start), to: formatTime(c.end) } })));
	return {
		from: { start: row.startsAt.toISOString(), end: row.endsAt.toISOString(), roomId: row.resourceId },
		to: { start: start.toISOString(), end: end.toISOString(), roomId },
		values
	};
}

/**
 * Where the confirmation showed the booking (its hidden fields), when they are all there and read
 * as instants and a room; otherwise nothing, and the move compares with the booking as it is now.
 */
export function seenPlace(form: { fromStart: string; fromEnd: string; fromRoomId: string }): { start: Date; end: Date; roomId: string } | undefined {
	const start = new Date(form.fromStart);
	const end = new Date(form.fromEnd);
	if (!form.fromStart || !form.fromEnd || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || !isUuid(form.fromRoomId)) return undefined;
	return { start, end, roomId: form.fromRoomId };
}

/**
 * The move's second step, confirmed: bookings.move (rules again, the clash refused by PostgreSQL,
 * audited, the booker told), refused as changed meanwhile when it is no longer where the
 * confirmation showed it (`seen`).
 */
export async function moveConfirmed(
	actor: SessionUser,
	id: string,
	values: MoveFormValues,
	seen?: { start: Date; end: Date; roomId: string }
): Promise<MovedReservation> {
	const { start, end, roomId } = readMove(values);
	return move(actor, id, start, end, roomId, seen);
}

/** Facility staff cancel a booking with a reason (kept on the booking and in its audit row); an empty reason is refused. */
export async function cancelWithReason(actor: SessionUser, id: string, reason: string) {
	if (!isStaff(actor)) throw new ForbiddenError();
	const trimmed = reason.trim();
	if (!trimmed) throw new ValidationError([{ rule: 'reason', messageKey: 'boardops_cancel_reason_required' }]);
	return cancel(actor, id, { scope: 'one', reason: trimmed });
}
