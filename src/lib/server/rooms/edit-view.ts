import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import * as clock from '../clock';
import { editedOf, getEditable, type EditedReservation } from './bookings';
import { checkEditable } from './edit-rules';
import { bookableRooms, type BookableRoom } from './mine';

/** What the edit page shows: the booking as it is, whether it can be edited now, and the rooms to choose from. */
export interface EditView {
	booking: EditedReservation;
	/** Why it cannot be edited now (a message key), or null. */
	closed: string | null;
	mine: boolean;
	rooms: BookableRoom[];
}

/**
 * The edit page's booking, for its booker or staff who manage rooms (anyone else: not found).
 * The rooms are those the booker may book (for staff, every room), with the booking's own room
 * always among them.
 */
export async function editView(actor: SessionUser, id: string): Promise<EditView> {
	const row = await getEditable(actor, id);
	const staff = can(actor, 'rooms.manage');
	const refusal = checkEditable(row, { actorId: actor.id, staff }, clock.now());
	const rooms = await bookableRooms(actor);
	if (!rooms.some((r) => r.id === row.resourceId)) {
		// Its room no longer takes this booker's bookings (its rules changed): still shown, so the form opens on it.
		const own = (await bookableRooms({ role: 'admin', schoolId: null })).find((r) => r.id === row.resourceId);
		if (own) rooms.unshift(own);
	}
	return { booking: editedOf(row), closed: refusal === 'forbidden' ? null : refusal, mine: row.bookedBy === actor.id, rooms };
}

/** The booking as it is now, after an edit was refused as changed meanwhile (shown beside what was typed). */
export async function current(actor: SessionUser, id: string): Promise<EditedReservation> {
	return editedOf(await getEditable(actor, id));
}
