import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './auth';
import { resource } from './rooms';
import type { SegmentKind } from '../../../visit-segments';

/** Where a visit request stands (the coordinator's inbox is sorted by it). */
export const VISIT_STATUSES = ['new', 'waiting', 'confirmed', 'done', 'declined', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** A preferred date of a request: a Seoul date and its half of the day. */
export interface PreferredDate {
	date: string;
	period: 'am' | 'pm';
}

/**
 * A benchmarking visit requested by a delegation from another region, without an account. The
 * private link's token is stored only as its SHA-256 (`tokenHash`); the reference (V-2026-0042)
 * alone reveals nothing. `locale` is the language the delegation wrote in (its mails use it).
 */
export const visitRequest = pgTable(
	'visit_request',
	{
		id: uuid().primaryKey().defaultRandom(),
		reference: text().notNull().unique(),
		tokenHash: text().notNull().unique(),
		status: text().$type<VisitStatus>().notNull().default('new'),
		organization: text().notNull(),
		organizationKind: text().$type<'office' | 'school' | 'other'>().notNull(),
		region: text().notNull(),
		contactName: text().notNull(),
		email: text().notNull(),
		phone: text().notNull(),
		groupSize: integer().notNull(),
		preferredDates: jsonb().$type<PreferredDate[]>().notNull(),
		departments: text().array().notNull().default(sql`'{}'::text[]`),
		topicIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
		purpose: text().notNull(),
		accessibilityNeeds: text().notNull().default(''),
		locale: text().$type<'ko' | 'en'>().notNull().default('ko'),
		consentVersion: text().notNull(),
		consentedAt: timestamp({ withTimezone: true }).notNull(),
		/** The date the coordinator confirmed (or proposed, while waiting for the delegation). */
		visitDate: date({ mode: 'string' }),
		visitPeriod: text().$type<'am' | 'pm'>(),
		/** On the day: the delegation arrived (the visit is done) or did not come. */
		attendance: text().$type<'arrived' | 'no_show'>(),
		checkedInAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('visit_status_valid', sql`${t.status} in ('new', 'waiting', 'confirmed', 'done', 'declined', 'cancelled')`),
		check('visit_kind_valid', sql`${t.organizationKind} in ('office', 'school', 'other')`),
		check('visit_group_size_valid', sql`${t.groupSize} between 1 and 500`),
		check('visit_period_valid', sql`${t.visitPeriod} is null or ${t.visitPeriod} in ('am', 'pm')`),
		check('visit_locale_valid', sql`${t.locale} in ('ko', 'en')`),
		check('visit_attendance_valid', sql`${t.attendance} is null or ${t.attendance} in ('arrived', 'no_show')`),
		index('visit_request_status_idx').on(t.status, t.createdAt)
	]
);

/**
 * The timeline of a visit: every change of status and every message, by the delegation (through
 * the private link) or a coordinator, in order. Messages are events of kind `message`.
 */
export const visitEvent = pgTable(
	'visit_event',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		visitId: uuid()
			.notNull()
			.references(() => visitRequest.id, { onDelete: 'cascade' }),
		kind: text().notNull(),
		/** 'delegation' or 'coordinator'. */
		author: text().$type<'delegation' | 'coordinator'>().notNull(),
		actorId: uuid().references(() => appUser.id, { onDelete: 'set null' }),
		body: text(),
		data: jsonb().$type<Record<string, unknown>>(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('visit_event_author_valid', sql`${t.author} in ('delegation', 'coordinator')`),
		index('visit_event_visit_idx').on(t.visitId, t.id)
	]
);

export type VisitRequest = typeof visitRequest.$inferSelect;
export type VisitEvent = typeof visitEvent.$inferSelect;

/** A day the center receives no visits (besides public holidays and building closures), with why. */
export const visitClosedDay = pgTable('visit_closed_day', {
	date: date({ mode: 'string' }).primaryKey(),
	reason: text().notNull(),
	createdBy: uuid().references(() => appUser.id, { onDelete: 'set null' }),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});


/**
 * One segment of a confirmed visit's itinerary: a time on the visit day, a room and presenters
 * (department consultants), each held through the reservation engine. The holds of a segment
 * share its id as their `booking_id` — no hold is its own booking, so the room services count the
 * room as busy without listing the segment as a room booking. An itinerary is saved whole: the old
 * holds released and the new ones inserted in one transaction, or nothing.
 */
export const visitSegment = pgTable(
	'visit_segment',
	{
		id: uuid().primaryKey().defaultRandom(),
		visitId: uuid()
			.notNull()
			.references(() => visitRequest.id, { onDelete: 'cascade' }),
		position: integer().notNull(),
		kind: text().$type<SegmentKind>().notNull(),
		title: text().notNull(),
		startsAt: timestamp({ withTimezone: true }).notNull(),
		endsAt: timestamp({ withTimezone: true }).notNull(),
		roomId: uuid().references(() => resource.id),
		presenterIds: uuid().array().notNull().default(sql`'{}'::uuid[]`)
	},
	(t) => [
		check('visit_segment_kind_valid', sql`${t.kind} in ('briefing', 'session', 'tour', 'qa', 'break', 'other')`),
		check('visit_segment_range_valid', sql`${t.startsAt} < ${t.endsAt}`),
		index('visit_segment_visit_idx').on(t.visitId, t.position)
	]
);
export type VisitSegment = typeof visitSegment.$inferSelect;
