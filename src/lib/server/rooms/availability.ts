import { and, asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { addDays, seoulInstant } from '../../time/seoul';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import { db } from '../db';
import { closure, reservation, type ReservationStatus } from '../db/schema';
import { rowsOf } from '../db/sql';
import { heldDuring, holding, principalHold } from '../engine/holds.store';
import { bookerDepartmentCode, purposeAsSeenBy } from './purpose';

/** A held interval; its instants `T` as ISO text (BusyInterval, the API's form) or epoch ms (BusyMs, the pages'). */
export interface Busy<T extends string | number> {
	/** The held time: the booking with its set-up and clean-up buffers. */
	start: T;
	end: T;
	/** The booking's own times (no buffers), for everyone: the time people read. */
	bookingStart: T;
	bookingEnd: T;
	/** Awaiting approval (it holds the time meanwhile), for everyone: no who or what. */
	pending?: true;
	/** On the viewer's own bookings. */
	mine?: true;
	/** id, purpose and status: on the viewer's own bookings, and on all for staff who see every booking. */
	id?: string;
	/** As the viewer may read it (purpose.ts): a Reconciliation & Mediation booking reads "화해조정부 사용" outside it. */
	purpose?: string;
	purposeWithheld?: true;
	status?: ReservationStatus;
}
export type BusyInterval = Busy<string>;
export type BusyMs = Busy<number>;

interface HeldRow {
	id: string;
	resourceId: string;
	/** As the query writes instants: epoch ms (a number, or numeric text) or ISO text. */
	heldFrom: unknown;
	heldUntil: unknown;
	startsAt: unknown;
	endsAt: unknown;
	bookedBy: string;
	schoolId: string | null;
	purpose: string;
	status: ReservationStatus;
	bookerDepartmentCode: string | null;
	/** The booking's own hold (false: a further hold of a booking made elsewhere, e.g. an in-person consultation's room). */
	principal: boolean;
}

/** An instant column as epoch milliseconds: read as a plain number, no Date made per row by the driver or drizzle. */
const epochMs = (column: SQLWrapper) => sql<number>`(extract(epoch from ${column}) * 1000)::float8`;

/**
 * Held intervals (buffers included) of holding reservations overlapping [from, to), by room,
 * instants as epoch ms (the pages' form: cheap to read, to send and to compare).
 */
export function busyMsByRoom(from: Date, to: Date, viewer: SessionUser | null, roomIds?: string[]): Promise<Map<string, BusyMs[]>> {
	return heldByRoom(from, to, viewer, roomIds, epochMs, (v) => Math.round(Number(v)));
}

/** Held intervals (buffers included) of holding reservations overlapping [from, to), by room; instants as ISO text (the API's form). */
export function busyByRoom(from: Date, to: Date, viewer: SessionUser | null, roomIds?: string[]): Promise<Map<string, BusyInterval[]>> {
	return heldByRoom(from, to, viewer, roomIds, isoText, String);
}

/**
 * ISO 8601 UTC text with milliseconds, as Date#toISOString writes it, made by PostgreSQL: cheaper
 * than a Date per instant in JS (a day's availability reads hundreds).
 */
const isoText = (column: SQLWrapper) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

async function heldByRoom<T extends number | string>(
	from: Date,
	to: Date,
	viewer: SessionUser | null,
	roomIds: string[] | undefined,
	instantOf: (column: SQLWrapper) => SQL,
	read: (value: unknown) => T
): Promise<Map<string, Busy<T>[]>> {
	const seesAll = viewer !== null && can(viewer, 'reservations.view_all');
	// A raw query: the rows come back as plain values, with no per-field mapping by drizzle (a day
	// board of 30 rooms reads hundreds of rows per page view).
	const result = await db.execute(sql`
		select ${reservation.id} as id, ${reservation.resourceId} as "resourceId",
			${instantOf(reservation.heldFrom)} as "heldFrom", ${instantOf(reservation.heldUntil)} as "heldUntil",
			${instantOf(reservation.startsAt)} as "startsAt", ${instantOf(reservation.endsAt)} as "endsAt",
			${reservation.bookedBy} as "bookedBy", ${reservation.schoolId} as "schoolId",
			${reservation.purpose} as purpose, ${reservation.status} as status,
			${viewer ? bookerDepartmentCode : sql`null`} as "bookerDepartmentCode",
			${principalHold} as principal
		from ${reservation}
		where ${and(holding, heldDuring(from, to), roomIds ? inArray(reservation.resourceId, roomIds) : undefined)}
		order by ${reservation.heldFrom}`);
	const rows = rowsOf<HeldRow>(result);
	const byRoom = new Map<string, Busy<T>[]>();
	for (const row of rows) {
		const busy: Busy<T> = { start: read(row.heldFrom), end: read(row.heldUntil), bookingStart: read(row.startsAt), bookingEnd: read(row.endsAt) };
		if (row.status === 'requested') busy.pending = true;
		const mine = viewer !== null && row.bookedBy === viewer.id;
		if (mine) busy.mine = true;
		if (mine || seesAll) {
			// A consultation's room hold opens nowhere from the board: it is its department's to handle.
			if (row.principal) busy.id = row.id;
			Object.assign(busy, purposeAsSeenBy(viewer, row));
			busy.status = row.status;
		}
		const list = byRoom.get(row.resourceId);
		if (list) list.push(busy);
		else byRoom.set(row.resourceId, [busy]);
	}
	return byRoom;
}

/** [Seoul midnight of `date`, Seoul midnight `days` later). */
export function seoulDays(date: string, days = 1): { from: Date; to: Date } {
	return { from: seoulInstant(date), to: seoulInstant(addDays(date, days)) };
}

export async function isHeld(resourceId: string, from: Date, to: Date): Promise<boolean> {
	const [row] = await db
		.select({ id: reservation.id })
		.from(reservation)
		.where(
			and(
				eq(reservation.resourceId, resourceId),
				holding,
				heldDuring(from, to)
			)
		)
		.limit(1);
	return Boolean(row);
}

/**
 * A fingerprint of everything the board shows over [from, to): every reservation touching it
 * (any status, so a cancellation counts) and every closure, by count and last change. The open
 * board polls it and reloads when it changes; it is read from the database on each call, so any
 * app process answers the same (no in-memory pub/sub).
 */
export async function heldVersion(from: Date, to: Date): Promise<string> {
	const result = await db.execute(sql`
		select
			(select count(*)::text || ':' || coalesce(max(${reservation.updatedAt})::text, '') || ':' || coalesce(max(${reservation.createdAt})::text, '')
				from ${reservation} where ${reservation.heldFrom} < ${to.toISOString()}::timestamptz and ${reservation.heldUntil} > ${from.toISOString()}::timestamptz) as reservations,
			(select count(*)::text || ':' || coalesce(max(${closure.createdAt})::text, '')
				from ${closure} where ${closure.startsAt} < ${to.toISOString()}::timestamptz and ${closure.endsAt} > ${from.toISOString()}::timestamptz) as closures`);
	const [row] = rowsOf<{ reservations: string; closures: string }>(result);
	return row ? `${row.reservations}|${row.closures}` : '';
}
