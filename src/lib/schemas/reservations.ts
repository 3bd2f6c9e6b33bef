/**
 * Request shapes of the reservation engine, shared by the API routes, the booking form's action,
 * the live check in the browser and the generated OpenAPI document.
 */
import * as z from 'zod';
import { seoulDate } from '../time/seoul';
import { boundedInt, calendarDate, instant, oneOf, safeText, uuid, whenValid } from './primitives';

export const PURPOSE_MAX_LENGTH = 200;
export const ATTENDEES_MAX = 2000;
export const REASON_MAX_LENGTH = 500;
export const MAX_OCCURRENCES = 52;
export const FREQUENCIES = ['weekly', 'biweekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const recurrence = z
	.object({
		frequency: oneOf(FREQUENCIES, 'recurrence_frequency_invalid'),
		/** Last Seoul date an occurrence may fall on (inclusive). */
		until: calendarDate('recurrence_until_or_count').optional(),
		/** Number of occurrences, the first included. */
		count: boundedInt(2, MAX_OCCURRENCES, 'recurrence_count_range').optional()
	})
	.refine((r) => (r.until === undefined) !== (r.count === undefined), {
		error: 'recurrence_until_or_count',
		when: whenValid('until', 'count')
	})
	.meta({
		id: 'Recurrence',
		description: `Weekly series; exactly one of until (Seoul date, inclusive) and count (2–${MAX_OCCURRENCES})`
	});
export type Recurrence = z.output<typeof recurrence>;

/** A booking of a room, or the first of a weekly series (POST /api/v1/reservations, /preview, the booking form). */
export const bookingRequest = z
	.object({
		roomId: uuid('booking_room_required'),
		start: instant('booking_time_invalid'),
		end: instant('booking_time_invalid'),
		purpose: safeText({ max: PURPOSE_MAX_LENGTH }),
		attendees: boundedInt(1, ATTENDEES_MAX, 'field_number_range'),
		schoolId: uuid('booking_school_unknown')
			.optional()
			.meta({
				description:
					"Facility staff only: book on behalf of this school (its monthly quota is charged, its users are e-mailed). A school user sending another school's id gets 403; their own school's id is the same as leaving it out."
			}),
		recurrence: recurrence
			.nullish()
			.transform((r) => r ?? undefined)
			.optional()
	})
	// Cross-field rules run even when another field is wrong: every problem at once.
	.refine((b) => b.end > b.start, {
		path: ['end'],
		error: 'booking_end_after_start',
		when: whenValid('start', 'end')
	})
	.refine((b) => !b.recurrence?.until || b.recurrence.until > seoulDate(b.start), {
		path: ['recurrence'],
		error: 'recurrence_until_after_start',
		when: whenValid('start', 'recurrence')
	})
	.meta({ id: 'BookingRequest' });
export type BookingInput = z.output<typeof bookingRequest>;

export const cancelRequest = z
	.object({
		scope: oneOf(['one', 'following']).optional().meta({ description: 'one (default) or this and the rest of its series' }),
		reason: safeText({ max: REASON_MAX_LENGTH, optional: true, multiline: true }).optional()
	})
	.meta({ id: 'CancelRequest' });

/** The reason is required; the service says so after checking who asks (403 before 422). */
export const rejectRequest = z
	.object({ reason: safeText({ max: REASON_MAX_LENGTH, optional: true, multiline: true }).default('') })
	.meta({ id: 'RejectRequest' });

export const moveRequest = z
	.object({
		start: instant('booking_time_invalid'),
		end: instant('booking_time_invalid'),
		roomId: uuid('booking_room_required').optional().meta({ description: 'Another room to move the booking to (default: the same room)' }),
		from: z
			.object({
				start: instant('booking_time_invalid'),
				end: instant('booking_time_invalid'),
				roomId: uuid('booking_room_required')
			})
			.optional()
			.meta({
				description:
					'Where the mover saw the booking. When it has moved since (someone else moved it), the move is refused with 409 booking_moved_meanwhile instead of applied over that move.'
			})
	})
	.meta({ id: 'MoveRequest' });

/**
 * Change a booking in place (PATCH /api/v1/reservations/{id}, the edit form): the whole booking as
 * it should be. `version` is the one the editor saw (GET answers and the edit form carry it): when
 * someone changed the booking since, the edit is refused with 409 booking_changed_meanwhile.
 */
export const editRequest = z
	.object({
		roomId: uuid('booking_room_required'),
		start: instant('booking_time_invalid'),
		end: instant('booking_time_invalid'),
		purpose: safeText({ max: PURPOSE_MAX_LENGTH }),
		attendees: boundedInt(1, ATTENDEES_MAX, 'field_number_range'),
		version: z
			.string({ error: 'input_invalid' })
			.max(100, { error: 'input_invalid' })
			.optional()
			.meta({ description: 'The booking version the editor saw (from a previous answer); omitted: the edit applies to the booking as it is now.' })
	})
	.refine((b) => b.end > b.start, {
		path: ['end'],
		error: 'booking_end_after_start',
		when: whenValid('start', 'end')
	})
	.meta({ id: 'EditRequest' });
export type EditInput = z.output<typeof editRequest>;

export const reservationId = z.object({ id: uuid().meta({ description: 'Reservation id' }) });
