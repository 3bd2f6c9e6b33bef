import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { appUser } from './auth';
import { department, school } from './org';
import { resource, room } from './rooms';

export { CONSULTATION_MODES, type ConsultationMode } from '../../../consultation-modes';

/**
 * What a department offers to schools: a consultation of a fixed length, with the rules its
 * bookings follow. Lengths in minutes. `openLimitPerSchool`: how many open (requested or confirmed,
 * not yet ended) consultations one school may have with the department at once; null = no limit.
 */
export const consultationTopic = pgTable(
	'consultation_topic',
	{
		id: uuid().primaryKey().defaultRandom(),
		departmentId: uuid()
			.notNull()
			.references(() => department.id),
		nameKo: text().notNull(),
		nameEn: text().notNull(),
		descriptionKo: text().notNull().default(''),
		descriptionEn: text().notNull().default(''),
		durationMinutes: smallint().notNull().default(60),
		/** Kept free after each consultation (notes, the next school's arrival). */
		bufferMinutes: smallint().notNull().default(0),
		modes: text().array().notNull().default(sql`'{visit,video,phone}'::text[]`),
		leadTimeMinutes: integer().notNull().default(1440),
		horizonDays: smallint().notNull().default(42),
		cancelCutoffMinutes: integer().notNull().default(1440),
		openLimitPerSchool: smallint(),
		requiresConfirmation: boolean().notNull().default(false),
		active: boolean().notNull().default(true),
		sortOrder: smallint().notNull().default(0),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('consultation_topic_duration_valid', sql`${t.durationMinutes} between 10 and 480 and ${t.durationMinutes} % 10 = 0`),
		check('consultation_topic_buffer_valid', sql`${t.bufferMinutes} between 0 and 120`),
		check(
			'consultation_topic_modes_valid',
			sql`cardinality(${t.modes}) > 0 and ${t.modes} <@ '{visit,video,phone}'::text[]`
		),
		check('consultation_topic_lead_valid', sql`${t.leadTimeMinutes} >= 0 and ${t.horizonDays} between 1 and 365`),
		check('consultation_topic_cutoff_valid', sql`${t.cancelCutoffMinutes} >= 0`),
		check('consultation_topic_limit_valid', sql`${t.openLimitPerSchool} is null or ${t.openLimitPerSchool} > 0`),
		index('consultation_topic_department_idx').on(t.departmentId, t.sortOrder)
	]
);

/**
 * A person of a department whose time schools book: a `consultant` resource, so the engine holds
 * their time like a room's. A room they book for a meeting holds the room, not this resource.
 */
export const consultant = pgTable(
	'consultant',
	{
		resourceId: uuid()
			.primaryKey()
			.references(() => resource.id, { onDelete: 'cascade' }),
		userId: uuid()
			.notNull()
			.unique()
			.references(() => appUser.id),
		departmentId: uuid()
			.notNull()
			.references(() => department.id),
		/** A short line schools see beside the name, e.g. "학생맞춤통합지원 담당 장학사". */
		titleKo: text().notNull().default(''),
		titleEn: text().notNull().default('')
	},
	(t) => [index('consultant_department_idx').on(t.departmentId)]
);

/** A consultant's weekly template in Asia/Seoul wall-clock minutes (several spans a day allowed). */
export const consultantHours = pgTable(
	'consultant_hours',
	{
		id: uuid().primaryKey().defaultRandom(),
		consultantId: uuid()
			.notNull()
			.references(() => consultant.resourceId, { onDelete: 'cascade' }),
		weekday: smallint().notNull(),
		startMinute: smallint().notNull(),
		endMinute: smallint().notNull()
	},
	(t) => [
		check('consultant_hours_weekday_valid', sql`${t.weekday} between 0 and 6`),
		check('consultant_hours_range_valid', sql`${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute}`),
		index('consultant_hours_consultant_idx').on(t.consultantId)
	]
);

/**
 * A date that differs from the template: `off` (leave, a training day; the whole day when the
 * minutes are null) or `extra` (hours added that day).
 */
export const consultantException = pgTable(
	'consultant_exception',
	{
		id: uuid().primaryKey().defaultRandom(),
		consultantId: uuid()
			.notNull()
			.references(() => consultant.resourceId, { onDelete: 'cascade' }),
		date: date({ mode: 'string' }).notNull(),
		kind: text().notNull(),
		startMinute: smallint(),
		endMinute: smallint(),
		note: text().notNull().default(''),
		createdBy: uuid().references(() => appUser.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('consultant_exception_kind_valid', sql`${t.kind} in ('off', 'extra')`),
		check(
			'consultant_exception_range_valid',
			sql`(${t.startMinute} is null and ${t.endMinute} is null and ${t.kind} = 'off')
				or (${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute})`
		),
		index('consultant_exception_consultant_idx').on(t.consultantId, t.date)
	]
);

/** The rooms where a department holds its in-person consultations. */
export const departmentRoom = pgTable(
	'department_room',
	{
		departmentId: uuid()
			.notNull()
			.references(() => department.id, { onDelete: 'cascade' }),
		roomId: uuid()
			.notNull()
			.references(() => room.resourceId, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.departmentId, t.roomId] })]
);

/**
 * A consultation: the service's record of a booking whose holds (the consultant's and, in person,
 * a room's) live in `reservation` with this id as their booking id; their status is its status.
 * Written in the booking's own statement. The description and outcome note are case information
 * (for 화해조정부, need-to-know); `caseErasedAt` marks them erased by the retention job.
 */
export const consultation = pgTable(
	'consultation',
	{
		id: uuid().primaryKey(),
		reference: text().notNull().unique(),
		topicId: uuid()
			.notNull()
			.references(() => consultationTopic.id),
		departmentId: uuid()
			.notNull()
			.references(() => department.id),
		/** The consultant's resource (the principal hold's resource; a reassignment changes both). */
		consultantId: uuid()
			.notNull()
			.references(() => consultant.resourceId),
		roomId: uuid().references(() => room.resourceId),
		mode: text().notNull(),
		schoolId: uuid().references(() => school.id),
		description: text(),
		outcomeNote: text(),
		noteBy: uuid().references(() => appUser.id, { onDelete: 'set null' }),
		noteAt: timestamp({ withTimezone: true }),
		caseErasedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('consultation_mode_valid', sql`${t.mode} in ('visit', 'video', 'phone')`),
		check('consultation_room_if_visit', sql`(${t.mode} = 'visit') = (${t.roomId} is not null)`),
		index('consultation_department_idx').on(t.departmentId, t.createdAt),
		index('consultation_school_idx').on(t.schoolId),
		index('consultation_consultant_idx').on(t.consultantId)
	]
);

/** The last number given per reference prefix and year (C-2026-0001, later V-…): gap-free, one row lock. */
export const referenceCounter = pgTable(
	'reference_counter',
	{
		prefix: text().notNull(),
		year: smallint().notNull(),
		last: integer().notNull()
	},
	(t) => [primaryKey({ columns: [t.prefix, t.year] })]
);

/**
 * Every read of a mediation case's details (who, which case, when, from where), written in the
 * request that read it; kept at least two years (reviewed by the department's lead).
 */
export const caseAccessLog = pgTable(
	'case_access_log',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		consultationId: uuid().notNull(),
		reference: text().notNull(),
		actorId: uuid().references(() => appUser.id, { onDelete: 'set null' }),
		/** What was read: 'view' (the page or the API), 'export'. */
		purpose: text().notNull(),
		clientAddress: text(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('case_access_log_at_idx').on(t.at), index('case_access_log_consultation_idx').on(t.consultationId)]
);

export type ConsultationTopic = typeof consultationTopic.$inferSelect;
export type Consultant = typeof consultant.$inferSelect;
export type ConsultantHours = typeof consultantHours.$inferSelect;
export type ConsultantException = typeof consultantException.$inferSelect;
export type Consultation = typeof consultation.$inferSelect;
export type CaseAccessLogEntry = typeof caseAccessLog.$inferSelect;
