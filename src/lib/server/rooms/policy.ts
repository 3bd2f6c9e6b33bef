import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import { heldInterval } from '../engine/held';
import type { Loaded, Policy } from '../engine/policy';
import { describeSeries } from '../engine/recurrence';
import { suggestAlternatives, type Alternative } from './alternatives';
import type { BookingInput } from './input';
import { quotaLimits } from './quota';
import { bookingNotices } from './notify';
import { checkBooking } from './rules';
import { planSeries } from './series';
import { loadBookingContext, loadRoom, type RoomWithRules } from './store';

/**
 * How rooms are booked, told to the engine: the room with its rules is the target (one loader:
 * store.ts), the room rules (rules/) decide what may be booked, the school's monthly quota is a
 * counted limit (quota.ts), and a refusal offers the nearest free times and similar rooms
 * (alternatives.ts). The engine does the holding.
 */
export const roomPolicy: Policy<BookingInput, RoomWithRules, Alternative> = {
	mayBook: (actor) => can(actor, 'rooms.book'),

	unknownTarget: { rule: 'roomId', messageKey: 'booking_room_required' },

	async load(actor, input, now) {
		if (input.recurrence) {
			const target = await loadRoom(input.roomId);
			return target ? loaded(actor, target, input, true) : null;
		}
		// One booking: the room, its rules and everything they need in one round trip (the hot path).
		// The rules see the school it is booked for (its quota), also when staff book on its behalf.
		const found = await loadBookingContext(input.roomId, { role: actor.role, schoolId: schoolOf(actor, input) }, input, now);
		if (!found) return null;
		const { target, context } = found;
		const resourceId = target.room.resourceId;
		const booking = loaded(actor, target, input, false);
		return {
			...booking,
			planned: {
				start: input.start,
				end: input.end,
				holds: [{ resourceId, ...heldInterval(input.start, input.end, target.rules) }],
				violations: checkBooking(context),
				conflicts: [],
				limits: quotaLimits(target, booking.details.schoolId, input.start, input.end)
			}
		};
	},

	plan: (actor, target, input, now, executor) => planSeries({ role: actor.role, schoolId: schoolOf(actor, input) }, target, input, now, executor),

	alternatives: (actor, target, input, now) => suggestAlternatives(actor, target, input, now),

	notices: (actor, loaded, created, executor) => bookingNotices(actor, loaded, created, executor)
};

import { schoolOf } from './input';
export { schoolOf };

function loaded(actor: SessionUser, target: RoomWithRules, input: BookingInput, recurring: boolean): Loaded<RoomWithRules> {
	return {
		target,
		resourceIds: [target.room.resourceId],
		recurring,
		...(recurring && input.recurrence ? { series: describeSeries(input.start, input.recurrence) } : {}),
		// A room that needs approval holds the time as a request, unless staff who approve book it.
		status: target.rules.requiresApproval && !can(actor, 'reservations.approve') ? 'requested' : 'confirmed',
		details: {
			bookedBy: actor.id,
			schoolId: schoolOf(actor, input),
			purpose: input.purpose,
			attendees: input.attendees
		}
	};
}
