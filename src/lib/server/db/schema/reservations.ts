import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	customType,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { appUser } from './auth';
import { school } from './org';
import { resource } from './rooms';

/** A tstzrange column, read as PostgreSQL's text form; queries use starts_at/ends_at instead. */
const tstzrange = customType<{ data: string; driverData: string }>({ dataType: () => 'tstzrange' });

export const reservationStatus = pgEnum('reservation_status', [
	'requested',
	'confirmed',
	'rejected',
	'cancelled',
	'completed',
	'no_show'
]);

/** Statuses that hold the time; the exclusion constraint only looks at these. */
export const HOLDING_STATUSES = ['requested', 'confirmed'] as const;

/**
 * Booking rules of a room, as data facility staff edit. Lengths in minutes; empty arrays mean
 * "no restriction".
 */
export const roomRule = pgTable(
	'room_rule',
	{
		resourceId: uuid()
			.primaryKey()
			.references(() => resource.id, { onDelete: 'cascade' }),
		granularityMinutes: smallint().notNull().default(30),
		minMinutes: integer().notNull().default(30),
		maxMinutes: integer().notNull().default(480),
		leadTimeMinutes: integer().notNull().default(60),
		horizonDays: integer().notNull().default(90),
		bufferBeforeMinutes: smallint().notNull().default(0),
		bufferAfterMinutes: smallint().notNull().default(0),
		requiresApproval: boolean().notNull().default(false),
		allowedRoles: text().array().notNull().default(sql`'{}'::text[]`),
		allowedSchoolIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
		/** Per school and Seoul calendar month; null = no quota. */
		monthlyQuotaMinutes: integer(),
		closedOnHolidays: boolean().notNull().default(true),
		cancelCutoffMinutes: integer().notNull().default(60),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('room_rule_granularity_valid', sql`${t.granularityMinutes} in (5, 10, 15, 20, 30, 60)`),
		check('room_rule_length_valid', sql`${t.minMinutes} > 0 and ${t.minMinutes} <= ${t.maxMinutes}`),
		check('room_rule_lead_valid', sql`${t.leadTimeMinutes} >= 0 and ${t.horizonDays} > 0`),
		check(
			'room_rule_buffers_valid',
			sql`${t.bufferBeforeMinutes} between 0 and 240 and ${t.bufferAfterMinutes} between 0 and 240`
		),
		check('room_rule_quota_valid', sql`${t.monthlyQuotaMinutes} is null or ${t.monthlyQuotaMinutes} > 0`),
		check('room_rule_cutoff_valid', sql`${t.cancelCutoffMinutes} >= 0`)
	]
);

/** A time a room (or, with a null resource, the whole building) is closed. */
export const closure = pgTable(
	'closure',
	{
		id: uuid().primaryKey().defaultRandom(),
		resourceId: uuid().references(() => resource.id, { onDelete: 'cascade' }),
		startsAt: timestamp({ withTimezone: true }).notNull(),
		endsAt: timestamp({ withTimezone: true }).notNull(),
		reason: text().notNull(),
		/** Whole Seoul days, midnight to midnight (shown as dates, without times). */
		allDay: boolean().notNull().default(false),
		/** The occurrences of one repeating closure share it (deleted together or one by one). */
		seriesId: uuid(),
		/** A repeating closure's rule as an RRULE string (on every occurrence of it). */
		rule: text(),
		createdBy: uuid().references(() => appUser.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('closure_range_valid', sql`${t.startsAt} < ${t.endsAt}`),
		index('closure_series_idx').on(t.seriesId),
		index('closure_resource_idx').on(t.resourceId, t.startsAt)
	]
);

/**
 * How a series of bookings repeats, written when it is booked: the rule as an RFC 5545 RRULE
 * string (with its DTSTART, the first Seoul date), its kind and parameters as the form and API
 * gave them (to say it again in words), and the Seoul dates it leaves out.
 */
export const reservationSeries = pgTable('reservation_series', {
	id: uuid().primaryKey(),
	rule: text().notNull(),
	params: jsonb().notNull(),
	exceptions: date({ mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
	createdBy: uuid().references(() => appUser.id, { onDelete: 'set null' }),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/**
 * One occupation of one resource for [starts_at, ends_at). `held` adds the set-up and clean-up
 * buffers; PostgreSQL refuses two holding reservations of one resource whose `held` overlap
 * (exclusion constraint in drizzle/0003_reservation_exclusion.sql).
 */
export const reservation = pgTable(
	'reservation',
	{
		id: uuid().primaryKey().defaultRandom(),
		resourceId: uuid()
			.notNull()
			.references(() => resource.id),
		startsAt: timestamp({ withTimezone: true }).notNull(),
		endsAt: timestamp({ withTimezone: true }).notNull(),
		heldFrom: timestamp({ withTimezone: true }).notNull(),
		heldUntil: timestamp({ withTimezone: true }).notNull(),
		held: tstzrange().generatedAlwaysAs(sql`tstzrange(held_from, held_until, '[)')`),
		status: reservationStatus().notNull(),
		bookedBy: uuid()
			.notNull()
			.references(() => appUser.id),
		schoolId: uuid().references(() => school.id),
		purpose: text().notNull(),
		attendees: integer().notNull(),
		seriesId: uuid().references(() => reservationSeries.id),
		/**
		 * The booking this hold belongs to: the holds of one booking (a consultant and a room) share
		 * it and change status together. The engine sets it to the first hold's id; null in rows
		 * written before it existed, where the row is its own booking.
		 */
		bookingId: uuid(),
		decidedBy: uuid().references(() => appUser.id),
		decidedAt: timestamp({ withTimezone: true }),
		decisionReason: text(),
		cancelledBy: uuid().references(() => appUser.id),
		cancelledAt: timestamp({ withTimezone: true }),
		cancelReason: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// An empty or inverted range would overlap nothing and slip past the exclusion constraint.
		check('reservation_range_valid', sql`${t.startsAt} < ${t.endsAt}`),
		check('reservation_held_covers', sql`${t.heldFrom} <= ${t.startsAt} and ${t.heldUntil} >= ${t.endsAt}`),
		check('reservation_attendees_positive', sql`${t.attendees} > 0`),
		index('reservation_resource_start_idx').on(t.resourceId, t.startsAt),
		index('reservation_booked_by_idx').on(t.bookedBy, t.startsAt),
		index('reservation_school_idx').on(t.schoolId, t.startsAt),
		index('reservation_series_idx').on(t.seriesId),
		index('reservation_booking_idx').on(t.bookingId),
		index('reservation_status_start_idx').on(t.status, t.startsAt)
	]
);

/** Answers already given to a (user, Idempotency-Key): a retry gets the same answer back. */
export const idempotencyKey = pgTable(
	'idempotency_key',
	{
		userId: uuid()
			.notNull()
			.references(() => appUser.id, { onDelete: 'cascade' }),
		key: text().notNull(),
		requestHash: text().notNull(),
		/** Written together with the answer (null only in rows of an earlier version, read as "still being answered"). */
		statusCode: smallint(),
		response: jsonb(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_key_created_idx').on(t.createdAt)]
);

export type ReservationStatus = (typeof reservationStatus.enumValues)[number];
export type Reservation = typeof reservation.$inferSelect;
export type RoomRule = typeof roomRule.$inferSelect;
export type Closure = typeof closure.$inferSelect;
export type ReservationSeries = typeof reservationSeries.$inferSelect;
