import { sql } from 'drizzle-orm';
import { check, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The four departments of the headquarters; `code` is the stable key used in code and URLs. */
export const department = pgTable('department', {
	id: uuid().primaryKey().defaultRandom(),
	code: text().notNull().unique(),
	nameKo: text().notNull(),
	nameEn: text().notNull(),
	sortOrder: smallint().notNull().default(0),
	/** How schools reach the department (shown where its services are offered); absent until an admin fills them in. */
	phone: text(),
	email: text(),
	location: text(),
	description: text()
});

export const school = pgTable(
	'school',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** NEIS school code where known; unique when present. */
		code: text().unique(),
		nameKo: text().notNull(),
		nameEn: text().notNull(),
		level: text().notNull(),
		region: text().notNull().default('세종'),
		/** The school office's phone, shown to facility staff beside the school's bookings. */
		phone: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('school_level_valid', sql`${t.level} in ('elementary', 'middle', 'high', 'special', 'other')`)]
);

export type Department = typeof department.$inferSelect;
export type School = typeof school.$inferSelect;
