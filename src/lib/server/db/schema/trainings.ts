import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Audience, RegistrationStatus, SessionMode } from '../../../trainings';
import { appUser } from './auth';
import { department, school } from './org';
import { resource } from './rooms';

/** A training programme of a department (e.g. the 학생맞춤통합지원 leaders' training), with its sessions. */
export const trainingProgramme = pgTable(
	'training_programme',
	{
		id: uuid().primaryKey().defaultRandom(),
		departmentId: uuid()
			.notNull()
			.references(() => department.id),
		titleKo: text().notNull(),
		titleEn: text().notNull(),
		descriptionKo: text().notNull().default(''),
		descriptionEn: text().notNull().default(''),
		audience: text().array().$type<Audience[]>().notNull().default(sql`'{}'::text[]`),
		createdBy: uuid().references(() => appUser.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('training_programme_department_idx').on(t.departmentId)]
);

/**
 * One session of a programme: a seat quota with a waiting list. The counters are kept on the row
 * and changed only under its row lock (SELECT … FOR UPDATE), which every registration and
 * cancellation of the session takes first: the count is final when read, so a seat is never sold
 * twice, whatever the number of app processes. In one of the center's rooms it also holds the room
 * through the engine (a reservation whose booking_id is the session's id).
 */
export const trainingSession = pgTable(
	'training_session',
	{
		id: uuid().primaryKey().defaultRandom(),
		programmeId: uuid()
			.notNull()
			.references(() => trainingProgramme.id, { onDelete: 'cascade' }),
		position: integer().notNull().default(0),
		startsAt: timestamp({ withTimezone: true }).notNull(),
		endsAt: timestamp({ withTimezone: true }).notNull(),
		roomId: uuid().references(() => resource.id),
		venueName: text(),
		venueAddress: text(),
		capacity: integer().notNull(),
		region: text().notNull(),
		/** A district of the region (e.g. 천안), or none for the whole region. */
		district: text(),
		opensAt: timestamp({ withTimezone: true }).notNull(),
		closesAt: timestamp({ withTimezone: true }).notNull(),
		/** Schools may cancel until then (staff at any time); none: until the start. */
		cancelCutoff: timestamp({ withTimezone: true }),
		perSchoolCap: integer(),
		mode: text().$type<SessionMode>().notNull().default('first_come'),
		lotteryMinutes: integer(),
		confirmedCount: integer().notNull().default(0),
		/** The last waiting-list number handed out (numbers only grow; a person's place is their rank). */
		waitingSeq: integer().notNull().default(0),
		/** The lottery's published seed and its log, once drawn. */
		drawSeed: text(),
		drawLog: jsonb(),
		drawnAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('training_session_range_valid', sql`${t.startsAt} < ${t.endsAt}`),
		check('training_session_window_valid', sql`${t.opensAt} < ${t.closesAt} and ${t.closesAt} <= ${t.endsAt}`),
		check('training_session_capacity_valid', sql`${t.capacity} between 1 and 10000`),
		check('training_session_cap_valid', sql`${t.perSchoolCap} is null or ${t.perSchoolCap} > 0`),
		check('training_session_mode_valid', sql`${t.mode} in ('first_come', 'lottery')`),
		check('training_session_lottery_valid', sql`(${t.mode} = 'lottery') = (${t.lotteryMinutes} is not null)`),
		check('training_session_place_valid', sql`(${t.roomId} is null) <> (${t.venueName} is null)`),
		check('training_session_seats_valid', sql`${t.confirmedCount} between 0 and ${t.capacity}`),
		index('training_session_programme_idx').on(t.programmeId, t.position),
		index('training_session_start_idx').on(t.startsAt)
	]
);

/**
 * A person registered for a session by their school (or imported by staff). A person is their
 * normalised e-mail: one holding registration per programme (a partial unique index), so the same
 * person sent to two sessions at once holds exactly one.
 */
export const trainingRegistration = pgTable(
	'training_registration',
	{
		id: uuid().primaryKey().defaultRandom(),
		sessionId: uuid()
			.notNull()
			.references(() => trainingSession.id, { onDelete: 'cascade' }),
		programmeId: uuid()
			.notNull()
			.references(() => trainingProgramme.id, { onDelete: 'cascade' }),
		schoolId: uuid().references(() => school.id),
		registeredBy: uuid().references(() => appUser.id, { onDelete: 'set null' }),
		name: text().notNull(),
		position: text().notNull(),
		email: text().notNull(),
		phone: text().notNull().default(''),
		status: text().$type<RegistrationStatus>().notNull(),
		/** The waiting-list number (from the session's waitingSeq) while waiting; kept after promotion. */
		waitingNumber: integer(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		promotedAt: timestamp({ withTimezone: true }),
		cancelledAt: timestamp({ withTimezone: true }),
		checkedInAt: timestamp({ withTimezone: true })
	},
	(t) => [
		check('training_registration_status_valid', sql`${t.status} in ('confirmed', 'waitlisted', 'pending_draw', 'cancelled', 'declined', 'attended', 'no_show')`),
		check('training_registration_waiting_valid', sql`${t.status} <> 'waitlisted' or ${t.waitingNumber} is not null`),
		uniqueIndex('training_registration_one_per_programme').on(t.programmeId, t.email).where(sql`${t.status} in ('confirmed', 'waitlisted', 'pending_draw')`),
		index('training_registration_session_idx').on(t.sessionId, t.status, t.waitingNumber),
		index('training_registration_school_idx').on(t.schoolId, t.sessionId)
	]
);

export type TrainingProgramme = typeof trainingProgramme.$inferSelect;
export type TrainingSession = typeof trainingSession.$inferSelect;
export type TrainingRegistration = typeof trainingRegistration.$inferSelect;
