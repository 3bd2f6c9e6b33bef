import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './auth';

/**
 * A person's private calendar subscription: calendar apps cannot send cookies, so the secret is in
 * the address. Only its SHA-256 is stored; revoking (or making a new one) ends the old address.
 */
export const calendarFeed = pgTable(
	'calendar_feed',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: uuid()
			.notNull()
			.references(() => appUser.id, { onDelete: 'cascade' }),
		tokenHash: text().notNull().unique(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp({ withTimezone: true }),
		/** Last time a calendar app fetched it (shown to the owner; helps spot a leaked address). */
		lastUsedAt: timestamp({ withTimezone: true })
	},
	(t) => [
		index('calendar_feed_user_idx').on(t.userId),
		// At most one live address per person.
		uniqueIndex('calendar_feed_one_live_per_user').on(t.userId).where(sql`${t.revokedAt} is null`)
	]
);

export type CalendarFeed = typeof calendarFeed.$inferSelect;
