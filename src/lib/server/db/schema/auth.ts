import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '../../../roles';
import { department, school } from './org';

export const roleEnum = pgEnum('role', ROLES);

export const appUser = pgTable(
	'app_user',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** Stored lower-cased and trimmed; the unique index makes sign-in case-insensitive. */
		email: text().notNull().unique(),
		name: text().notNull(),
		/** Null until an invited user sets a password. */
		passwordHash: text(),
		role: roleEnum().notNull(),
		departmentId: uuid().references(() => department.id),
		schoolId: uuid().references(() => school.id),
		active: boolean().notNull().default(true),
		/** A department's lead (department staff only): reviews the department's case access log. */
		departmentLead: boolean().notNull().default(false),
		locale: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('app_user_email_lower', sql`${t.email} = lower(${t.email})`),
		check(
			'app_user_department_staff_has_department',
			sql`(${t.role} = 'department_staff') = (${t.departmentId} is not null)`
		),
		check('app_user_lead_is_department_staff', sql`not ${t.departmentLead} or ${t.role} = 'department_staff'`),
		check('app_user_school_user_has_school', sql`(${t.role} = 'school_user') = (${t.schoolId} is not null)`)
	]
);

export const session = pgTable(
	'session',
	{
		/** Public half of the token ("<id>.<secret>"); finds the row. */
		id: text().primaryKey(),
		/** SHA-256 of the secret half, hex encoded; the secret itself is never stored. */
		secretHash: text().notNull(),
		userId: uuid()
			.notNull()
			.references(() => appUser.id, { onDelete: 'cascade' }),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		/** Hard limit for staff sessions (12 hours after sign-in); null for school users. */
		absoluteExpiresAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/** Failed sign-in counters per e-mail address and per client address ("email:..." / "ip:..."). */
export const loginThrottle = pgTable('login_throttle', {
	key: text().primaryKey(),
	failures: integer().notNull().default(0),
	windowStartedAt: timestamp({ withTimezone: true }).notNull(),
	lockedUntil: timestamp({ withTimezone: true })
});

export const invitation = pgTable(
	'invitation',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** SHA-256 of the single-use token. */
		tokenHash: text().notNull().unique(),
		userId: uuid()
			.notNull()
			.references(() => appUser.id, { onDelete: 'cascade' }),
		createdBy: uuid().references(() => appUser.id, { onDelete: 'set null' }),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		usedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('invitation_user_idx').on(t.userId)]
);

/**
 * A password reset asked for by e-mail: single-use, expiring; only the SHA-256 of its token is
 * stored (like invitations).
 */
export const passwordReset = pgTable(
	'password_reset',
	{
		id: uuid().primaryKey().defaultRandom(),
		tokenHash: text().notNull().unique(),
		userId: uuid()
			.notNull()
			.references(() => appUser.id, { onDelete: 'cascade' }),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		usedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('password_reset_user_idx').on(t.userId)]
);

/**
 * 개인정보 수집·이용 동의: who agreed to which version of which statement, and when. Rows are
 * never updated; a new version of the statement means a new row when it is agreed to.
 */
export const personalDataConsent = pgTable(
	'personal_data_consent',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: uuid()
			.notNull()
			.references(() => appUser.id, { onDelete: 'cascade' }),
		/** Which statement: 'account' (accepting an invitation); later surveys, visits. */
		purpose: text().notNull(),
		/** The statement's version, e.g. '2026-12-02'. */
		version: text().notNull(),
		/** The language the statement was shown in. */
		locale: text().notNull(),
		agreedAt: timestamp({ withTimezone: true }).notNull()
	},
	(t) => [index('personal_data_consent_user_idx').on(t.userId)]
);

export type { Role } from '../../../roles';
export type AppUser = typeof appUser.$inferSelect;
export type Session = typeof session.$inferSelect;
export type Invitation = typeof invitation.$inferSelect;
export type PasswordReset = typeof passwordReset.$inferSelect;
export type PersonalDataConsent = typeof personalDataConsent.$inferSelect;
