import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { addDays, seoulInstant } from '../../time/seoul';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import { db } from '../db';
import { closure, reservation, type ReservationStatus } from '../db/schema';
import { rowsOf } from '../db/sql';
import { heldDuring, holding } from '../engine/holds.store';
import { bookerDepartmentCode, purposeAsSeenBy } from './purpose';

export interface BusyInterval {
	/** The held time: the booking with its set-up and clean-up buffers. */
	start: string;
	end: string;
	/** The booking's own times (no buffers), for everyone: the time people read. */
	bookingStart: string;
	bookingEnd: string;
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

/** Held intervals (buffers included) of holding reservations overlapping [from, to), by room. */
export async function busyByRoom(
	from: Date,
	to: Date,
	viewer: SessionUser | null,
	roomIds?: string[]
): Promise<Map<string, BusyInterval[]>> {
	const rows = await db
		.select({
			id: reservation.id,
			resourceId: reservation.resourceId,
			heldFrom: reservation.heldFrom,
			heldUntil: reservation.heldUntil,
			startsAt: reservation.startsAt,
			endsAt: reservation.endsAt,
			bookedBy: reservation.bookedBy,
			bookerDepartmentCode,
			schoolId: reservation.schoolId,
			purpose: reservation.purpose,
			status: reservation.status
		})
		.from(reservation)
		.where(
			and(
				holding,
				heldDuring(from, to),
				roomIds ? inArray(reservation.resourceId, roomIds) : undefined
			)
		)
		.orderBy(asc(reservation.heldFrom));
	const seesAll = viewer !== null && can(viewer, 'reservations.view_all');
	const byRoom = new Map<string, BusyInterval[]>();
	for (const row of rows) {
		const busy: BusyInterval = {
			start: row.heldFrom.toISOString(),
			end: row.heldUntil.toISOString(),
			bookingStart: row.startsAt.toISOString(),
			bookingEnd: row.endsAt.toISOString()
		};
		if (row.status === 'requested') busy.pending = true;
		const mine = viewer !== null && row.bookedBy === viewer.id;
		if (mine) busy.mine = true;
		if (mine || seesAll)
			Object.assign(busy, {
				id: row.id,
				...purposeAsSeenBy(viewer, row),
				status: row.status
			});
		const list = byRoom.get(row.resourceId) ?? [];
		list.push(busy);
		byRoom.set(row.resourceId, list);
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
