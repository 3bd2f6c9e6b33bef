import { createHash } from 'node:crypto';
import type { Reservation } from '../db/schema';
import { isHolding } from '../engine/holds.store';

/**
 * The rules of editing a booking in place (bookings.edit), as plain functions: who may edit it
 * and when, what status it has afterwards, and the version that tells an editor someone else
 * changed it meanwhile.
 */

/** Why a booking cannot be edited now: a message key the API answers 409 with; 'forbidden' is a 403. */
export type EditRefusal = 'forbidden' | 'booking_edit_not_holding' | 'booking_edit_started';

/**
 * Only its booker, or staff who may manage rooms (`staff`); only while it still holds its time
 * (not cancelled, rejected or lapsed) and has not started.
 */
export function checkEditable(
	row: Pick<Reservation, 'bookedBy' | 'status' | 'startsAt'>,
	who: { actorId: string; staff: boolean },
	now: Date
): EditRefusal | null {
	if (row.bookedBy !== who.actorId && !who.staff) return 'forbidden';
	if (!isHolding(row.status)) return 'booking_edit_not_holding';
	const started = row.startsAt.getTime() <= now.getTime();
	if (started) return 'booking_edit_started';
	return null;
}

/**
 * The status after an edit. A new room or time is booked again as a new booking would be: a room
 * that needs approval makes it a request again (unless staff who approve edit it), one that does
 * not confirms it. In a room that needs approval, a changed purpose or number of people is asked
 * again too (the decision was made on them); elsewhere such an edit keeps the status.
 */
export function statusAfterEdit({
	current,
	placeChanged,
	detailsChanged,
	requiresApproval,
	approver
}: {
	current: 'requested' | 'confirmed';
	placeChanged: boolean;
	detailsChanged: boolean;
	requiresApproval: boolean;
	approver: boolean;
}): 'requested' | 'confirmed' {
	if (requiresApproval && !approver && (placeChanged || detailsChanged)) return 'requested';
	if (!placeChanged) return current;
	return 'confirmed';
}

/**
 * Whether a new room or time comes too late for its booker: inside the room's cancellation
 * cutoff, moving a booking frees its time as late as cancelling it would, so it is refused the
 * same way (staff who approve are not bound by it). Changing only the details stays possible.
 */
export function pastEditCutoff(startsAt: Date, cutoffMinutes: number, now: Date): boolean {
	return startsAt.getTime() - cutoffMinutes * 60_000 < now.getTime();
}

/**
 * A booking's version as an editor saw it: every field an edit (or a move, a decision) changes,
 * and when it last changed. Opaque to clients: they send back what they were given.
 */
export function versionOf(
	row: Pick<Reservation, 'updatedAt' | 'status' | 'startsAt' | 'endsAt' | 'resourceId' | 'purpose' | 'attendees'>
): string {
	const parts = [row.updatedAt.getTime(), row.status, row.startsAt.getTime(), row.endsAt.getTime(), row.resourceId, row.attendees, row.purpose];
	return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}
