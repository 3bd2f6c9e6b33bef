/** What /api/v1 answers, described for the OpenAPI document (requests are in src/lib/schemas/). */
import * as z from 'zod';

const isoInstant = z.string().meta({ format: 'date-time' });
const id = z.string().meta({ format: 'uuid' });

export const problem = z
	.object({
		type: z.string().meta({ description: 'Stable URI reference, e.g. /api/v1/problems/validation' }),
		title: z.string().meta({ description: "Localized summary (Accept-Language: ko, en)" }),
		status: z.int(),
		detail: z.string().optional(),
		violations: z
			.array(z.object({ rule: z.string().meta({ description: 'The field or the booking rule' }), message: z.string() }))
			.optional()
			.meta({ description: 'Every problem at once (422)' })
	})
	.meta({ id: 'Problem' });

export const interval = z
	.object({
		start: isoInstant.meta({ description: 'Held from (set-up buffer included)' }),
		end: isoInstant.meta({ description: 'Held until (clean-up buffer included)' }),
		mine: z.boolean().optional().meta({ description: "Only on the caller's own bookings, with id, purpose, status" }),
		pending: z.boolean().optional().meta({ description: 'Awaiting approval (holds the time meanwhile)' }),
		id: id.optional(),
		purpose: z.string().optional(),
		status: z.string().optional(),
		bookingStart: isoInstant.meta({ description: "The booking's own start, without buffers" }),
		bookingEnd: isoInstant.meta({ description: "The booking's own end, without buffers" })
	})
	.meta({ id: 'Interval' });

export const room = z
	.object({
		id,
		name: z.string().meta({ description: "In the request's language" }),
		capacity: z.int(),
		floor: z.int(),
		equipment: z.array(z.string()),
		accessibility: z.array(z.string()),
		requiresApproval: z.boolean()
	})
	.meta({ id: 'Room' });

export const reservationStatus = z.enum(['requested', 'confirmed', 'rejected', 'cancelled', 'completed', 'no_show']);

const reservationBase = z.object({ id, roomId: id, start: isoInstant, end: isoInstant, status: reservationStatus });
export const reservation = reservationBase
	.extend({
		seriesId: id.nullable().optional(),
		created: z.array(reservationBase).optional().meta({ description: 'Series only' }),
		skipped: z
			.array(z.object({ start: isoInstant, end: isoInstant, state: z.enum(['conflict', 'invalid']) }))
			.optional()
			.meta({ description: 'Series only: occurrences not booked' })
	})
	.meta({ id: 'Reservation' });

/** A booking as its editor sees it (GET and PATCH /api/v1/reservations/{id}), with the version to send back. */
export const editableReservation = reservationBase
	.extend({
		purpose: z.string(),
		attendees: z.number().int(),
		seriesId: id.optional(),
		version: z.string().meta({ description: 'Send it back as `version` with the next PATCH: a booking changed meanwhile is refused with 409' })
	})
	.meta({ id: 'EditableReservation' });

export const session = z
	.object({
		user: z.object({
			id,
			email: z.string(),
			name: z.string(),
			role: z.enum(['admin', 'facility_manager', 'department_staff', 'visit_coordinator', 'school_user'])
		}),
		expiresAt: isoInstant,
		idleTimeoutSeconds: z.int().nullable()
	})
	.meta({ id: 'Session' });

export const signedIn = z.object({ userId: id, expiresAt: isoInstant });
export const rooms = z.object({ rooms: z.array(room) });
export const day = z.object({
	date: z.string().meta({ format: 'date' }),
	rooms: z.array(z.object({ id, name: z.string(), busy: z.array(interval) }))
});
export const roomRange = z.object({ roomId: id, from: isoInstant, to: isoInstant, busy: z.array(interval) });
export const preview = z.object({
	occurrences: z.array(
		z.object({
			start: isoInstant,
			end: isoInstant,
			state: z.enum(['free', 'conflict', 'invalid']),
			violations: z.array(z.object({ rule: z.string(), message: z.string() })),
			conflicts: z.array(z.object({ start: isoInstant, end: isoInstant }))
		})
	),
	repeat: z
		.object({
			description: z.string().meta({ description: 'The rule in the request’s language, e.g. “Monthly on the second Tuesday, 10 times”' }),
			skippedMonths: z.array(z.string().meta({ example: '2027-02' })).meta({ description: 'Months (YYYY-MM) a rule on the 29th–31st passes over' }),
			skippedNote: z.string().meta({ description: 'The same in a sentence, empty when none' })
		})
		.optional()
		.meta({ description: 'Series only: how it repeats' })
});
export const cancelled = z.object({ cancelled: z.array(id) });
