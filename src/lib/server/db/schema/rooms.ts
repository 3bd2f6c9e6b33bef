import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	customType,
	index,
	integer,
	pgEnum,
	pgTable,
	smallint,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { appUser } from './auth';

/** Raw bytes (PostgreSQL bytea). Photos live in the database so every app process sees them. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType() {
		return 'bytea';
	}
});

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
		sortOrder: smallint().notNull().default(0),
		/** Where the room is in the building, e.g. "본관 2층 엘리베이터 옆". */
		locationKo: text().notNull().default(''),
		locationEn: text().notNull().default(''),
		freeOfCharge: boolean().notNull().default(true),
		/** Optional note shown with 유료 (e.g. the fee and how to pay). */
		feeNoteKo: text().notNull().default(''),
		feeNoteEn: text().notNull().default(''),
		/** Responsible office (담당 부서) and its phone number. */
		officeNameKo: text().notNull().default(''),
		officeNameEn: text().notNull().default(''),
		officePhone: text().notNull().default('')
	},
	(t) => [check('room_capacity_positive', sql`${t.capacity} > 0`)]
);

/**
 * A room photo, stored already resized as WebP in the database (bytea) so that two app processes
 * serve the same files without shared disk. contentHash keys the immutable public URL.
 */
export const roomPhoto = pgTable(
	'room_photo',
	{
		id: uuid().primaryKey().defaultRandom(),
		roomId: uuid()
			.notNull()
			.references(() => room.resourceId, { onDelete: 'cascade' }),
		sortOrder: smallint().notNull().default(0),
		/** Required: screen readers read it. */
		altKo: text().notNull(),
		altEn: text().notNull(),
		/** 1280 px wide WebP (or smaller if the original was smaller). */
		largeWebp: bytea().notNull(),
		largeWidth: integer().notNull(),
		largeHeight: integer().notNull(),
		/** 400 px wide WebP thumbnail. */
		thumbWebp: bytea().notNull(),
		thumbWidth: integer().notNull(),
		thumbHeight: integer().notNull(),
		contentHash: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: uuid().references(() => appUser.id, { onDelete: 'set null' })
	},
	(t) => [index('room_photo_room_idx').on(t.roomId, t.sortOrder)]
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
export type RoomPhoto = typeof roomPhoto.$inferSelect;
