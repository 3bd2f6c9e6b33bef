import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgEnum, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const resourceKind = pgEnum('resource_kind', ['room', 'consultant', 'presenter']);

/** Anything that can be occupied for a time. Reservations point here, whatever the kind. */
export const resource = pgTable('resource', {
	id: uuid().primaryKey().defaultRandom(),
	kind: resourceKind().notNull(),
	active: boolean().notNull().default(true),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

export const room = pgTable(
	'room',
	{
		resourceId: uuid()
			.primaryKey()
			.references(() => resource.id, { onDelete: 'cascade' }),
		code: text().notNull().unique(),
		nameKo: text().notNull(),
		nameEn: text().notNull(),
		floor: smallint().notNull(),
		capacity: integer().notNull(),
		/** Stable equipment keys (projector, pc, video_conference...), labelled in the message files. */
		equipment: text().array().notNull().default(sql`'{}'::text[]`),
		/** Stable accessibility keys (step_free, hearing_loop, accessible_toilet...). */
		accessibility: text().array().notNull().default(sql`'{}'::text[]`),
		descriptionKo: text().notNull().default(''),
		descriptionEn: text().notNull().default(''),
		sortOrder: smallint().notNull().default(0)
	},
	(t) => [check('room_capacity_positive', sql`${t.capacity} > 0`)]
);

/**
 * Weekly opening hours in Asia/Seoul wall-clock minutes. A null resource is the center default;
 * a weekday with no row is closed. weekday: 0 = Sunday ... 6 = Saturday.
 */
export const openingHours = pgTable(
	'opening_hours',
	{
		id: uuid().primaryKey().defaultRandom(),
		resourceId: uuid().references(() => resource.id, { onDelete: 'cascade' }),
		weekday: smallint().notNull(),
		opensMinute: smallint().notNull(),
		closesMinute: smallint().notNull()
	},
	(t) => [
		unique('opening_hours_resource_weekday').on(t.resourceId, t.weekday).nullsNotDistinct(),
		check('opening_hours_weekday_valid', sql`${t.weekday} between 0 and 6`),
		check(
			'opening_hours_range_valid',
			sql`${t.opensMinute} >= 0 and ${t.closesMinute} <= 1440 and ${t.opensMinute} < ${t.closesMinute}`
		)
	]
);

export type Resource = typeof resource.$inferSelect;
export type Room = typeof room.$inferSelect;
export type OpeningHours = typeof openingHours.$inferSelect;
