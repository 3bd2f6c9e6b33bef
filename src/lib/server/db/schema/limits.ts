import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fixed-window request counters (e.g. series previews per user), kept in the database so every
 * app process counts the same window. One row per key, updated by one conditional upsert.
 */
export const rateLimit = pgTable(
	'rate_limit',
	{
		key: text().primaryKey(),
		windowStart: timestamp({ withTimezone: true }).notNull(),
		hits: integer().notNull()
	},
	(t) => [check('rate_limit_hits_positive', sql`${t.hits} > 0`)]
);

export type RateLimit = typeof rateLimit.$inferSelect;
