import { and, asc, desc, eq, gt, inArray, lte, ne } from 'drizzle-orm';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import { db } from '../db';
import { appUser, reservation, reservationSeries, room, roomRule, type ReservationStatus } from '../db/schema';
import { repeatSummaryOf } from '../engine/series.store';
import type { RepeatSummary } from '../../time/repeat-text';
import { holding, isHolding, principalHold } from '../engine/holds.store';
import { DEFAULT_RULES } from './rules';
import { mayBookRoom } from './rules/eligibility';
import { loadRooms } from './store';
import { get } from './bookings';
import { checkEditable } from './edit-rules';

/** A booking as its booker (or their school) sees it in a list. */
export interface BookingSummary {
	id: string;
	roomId: string;
	roomNameKo: string;
	roomNameEn: string;
	floor: number;
	start: string;
	end: string;
	status: ReservationStatus;
	purpose: string;
	attendees: number;
	seriesId: string | null;
	/** How its series repeats (null: a single booking, or a series without a rule). */
	repeat: RepeatSummary | null;
	/** Why staff rejected it (null when not rejected, or "lapsed" when nobody decided in time). */
	decisionReason: string | null;
	cancelReason: string | null;
	bookedByName: string;
	mine: boolean;
	/** Minutes before the start after which the booker can no longer cancel. */
	cancelCutoffMinutes: number;
	/** The booker may still cancel it now (holding and before the cutoff). */
	cancellable: boolean;
	/** Holding, but past the cutoff: explain why there is no cancel button. */
	cutoffPassed: boolean;
	/** The booker may still edit it (holding and not started: edit-rules.ts). */
	editable: boolean;
}

export interface MyBookings {
	upcoming: BookingSummary[];
	past: BookingSummary[];
	/** Upcoming bookings other people of the user's school made (school users only). */
	school: BookingSummary[] | null;
}

/** The past list is for reference, not an archive. */
export const PAST_LIMIT = 50;

const columns = {
	id: reservation.id,
	roomId: reservation.resourceId,
	roomNameKo: room.nameKo,
	roomNameEn: room.nameEn,
	floor: room.floor,
	startsAt: reservation.startsAt,
	endsAt: reservation.endsAt,
	status: reservation.status,
	purpose: reservation.purpose,
	attendees: reservation.attendees,
	seriesId: reservation.seriesId,
	seriesRule: reservationSeries.rule,
	seriesParams: reservationSeries.params,
	seriesExceptions: reservationSeries.exceptions,
	decisionReason: reservation.decisionReason,
	cancelReason: reservation.cancelReason,
	bookedBy: reservation.bookedBy,
	bookedByName: appUser.name,
	cancelCutoffMinutes: roomRule.cancelCutoffMinutes
};


function baseQuery() {
	return db
		.select(columns)
		.from(reservation)
		.innerJoin(room, eq(room.resourceId, reservation.resourceId))
		.innerJoin(appUser, eq(appUser.id, reservation.bookedBy))
		.leftJoin(roomRule, eq(roomRule.resourceId, reservation.resourceId))
		.leftJoin(reservationSeries, eq(reservationSeries.id, reservation.seriesId));
}

type Row = Awaited<ReturnType<typeof baseQuery>>[number];

function summarize(row: Row, actor: SessionUser, now: Date): BookingSummary {
	const cutoff = row.cancelCutoffMinutes ?? DEFAULT_RULES.cancelCutoffMinutes;
	const holds = isHolding(row.status);
	const mine = row.bookedBy === actor.id;
	const beforeCutoff = row.startsAt.getTime() - cutoff * 60_000 >= now.getTime();
	return {
		id: row.id,
		roomId: row.roomId,
		roomNameKo: row.roomNameKo,
		roomNameEn: row.roomNameEn,
		floor: row.floor,
		start: row.startsAt.toISOString(),
		end: row.endsAt.toISOString(),
		status: row.status,
		purpose: row.purpose,
		attendees: row.attendees,
		seriesId: row.seriesId,
		repeat: row.seriesRule ? repeatSummaryOf({ rule: row.seriesRule, params: row.seriesParams, exceptions: row.seriesExceptions }) : null,
		decisionReason: row.decisionReason,
		cancelReason: row.cancelReason,
		bookedByName: row.bookedByName,
		mine,
		cancelCutoffMinutes: cutoff,
		cancellable: mine && holds && beforeCutoff,
		cutoffPassed: mine && holds && !beforeCutoff && row.startsAt > now,
		editable: checkEditable(row, { actorId: actor.id, staff: false }, now) === null
	};
}

/**
 * The actor's own bookings: upcoming (not yet ended, soonest first, whatever their status, so a
 * rejection or cancellation stays visible) and past (most recent first). School users also get
 * the upcoming bookings others of their school made.
 */
export async function listMine(actor: SessionUser, { now }: { now: Date }): Promise<MyBookings> {
	const own = and(eq(reservation.bookedBy, actor.id), principalHold);
	const [upcoming, past] = await Promise.all([
		baseQuery().where(and(own, gt(reservation.endsAt, now))).orderBy(asc(reservation.startsAt)),
		baseQuery().where(and(own, lte(reservation.endsAt, now))).orderBy(desc(reservation.startsAt)).limit(PAST_LIMIT)
	]);
	let school: BookingSummary[] | null = null;
	if (actor.schoolId && actor.role === 'school_user' && can(actor, 'school.bookings.view', { schoolId: actor.schoolId })) {
		const rows = await baseQuery()
			.where(
				and(
					eq(reservation.schoolId, actor.schoolId),
					ne(reservation.bookedBy, actor.id),
					principalHold,
					gt(reservation.endsAt, now),
					holding
				)
			)
			.orderBy(asc(reservation.startsAt));
		school = rows.map((r) => summarize(r, actor, now));
	}
	return {
		upcoming: upcoming.map((r) => summarize(r, actor, now)),
		past: past.map((r) => summarize(r, actor, now)),
		school
	};
}

/** One booking the actor may see (see `get`), with its room; NotFoundError otherwise. */
export async function findVisible(actor: SessionUser, id: string, { now }: { now: Date }): Promise<BookingSummary> {
	const visible = await get(actor, id);
	const [row] = await baseQuery().where(eq(reservation.id, visible.id));
	return summarize(row!, actor, now);
}

/** The actor's own bookings that have not ended and still matter to a calendar (not rejected). */
export async function calendarOfMine(actor: SessionUser, { now }: { now: Date }): Promise<BookingSummary[]> {
	const rows = await baseQuery()
		.where(
			and(
				eq(reservation.bookedBy, actor.id),
				principalHold,
				gt(reservation.endsAt, now),
				inArray(reservation.status, ['requested', 'confirmed', 'cancelled'])
			)
		)
		.orderBy(asc(reservation.startsAt));
	return rows.map((r) => summarize(r, actor, now));
}

/** A room as the booking form offers it: names, size, and the grid its times must fall on. */
export interface BookableRoom {
	id: string;
	nameKo: string;
	nameEn: string;
	capacity: number;
	floor: number;
	granularityMinutes: number;
	requiresApproval: boolean;
	/** Earliest opening and latest closing minute over the week (Seoul wall clock). */
	opensMinute: number;
	closesMinute: number;
}

/**
 * Rooms the booking form lists for this person, in display order: the ones their role and school
 * may book (a school user never sees a staff-only room offered). The booking checks it again.
 */
export async function bookableRooms(actor: Pick<SessionUser, 'role' | 'schoolId'>): Promise<BookableRoom[]> {
	const rooms = (await loadRooms()).filter(({ rules }) => mayBookRoom(rules, actor));
	return rooms.map(({ room: r, rules, hours }) => ({
		id: r.resourceId,
		nameKo: r.nameKo,
		nameEn: r.nameEn,
		capacity: r.capacity,
		floor: r.floor,
		granularityMinutes: rules.granularityMinutes,
		requiresApproval: rules.requiresApproval,
		opensMinute: hours.length ? Math.min(...hours.map((h) => h.opensMinute)) : 9 * 60,
		closesMinute: hours.length ? Math.max(...hours.map((h) => h.closesMinute)) : 18 * 60
	}));
}
