import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, bigserial } from 'drizzle-orm/pg-core';
import { appUser } from './auth';

/** Who did what to which thing, with the state before and after; written in the same transaction. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		actorId: uuid().references(() => appUser.id, { onDelete: 'set null' }),
		action: text().notNull(),
		entity: text().notNull(),
		entityId: text(),
		before: jsonb(),
		after: jsonb(),
		requestId: text(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)]
);

/** Every e-mail goes through here, written in the same transaction as the change it reports. */
export const outbox = pgTable(
	'outbox',
	{
		id: uuid().primaryKey().defaultRandom(),
		toAddress: text().notNull(),
		subject: text().notNull(),
		bodyText: text().notNull(),
		kind: text().notNull(),
		status: text().notNull().default('pending'),
		attempts: integer().notNull().default(0),
		nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		lastError: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp({ withTimezone: true })
	},
	(t) => [
		check('outbox_status_valid', sql`${t.status} in ('pending', 'sent', 'failed')`),
		index('outbox_due_idx').on(t.status, t.nextAttemptAt)
	]
);

/**
 * Each reminder queued: one row per (source, booking, start), so a booking is reminded once for
 * its time — the primary key decides between two processes racing, and a restart finds what was
 * sent. A booking moved to another time is a new key (its new time gets its reminder).
 */
export const reminder = pgTable(
	'reminder',
	{
		/** The service that reminds ("rooms"; later consultations, visits, trainings). */
		source: text().notNull(),
		/** The booking reminded of (its id in the source's own table). */
		subjectId: uuid().notNull(),
		/** The start it was reminded of. */
		startsAt: timestamp({ withTimezone: true }).notNull(),
		/** When it was queued in the outbox (the app's clock). */
		queuedAt: timestamp({ withTimezone: true }).notNull(),
		/** Its outbox message, withdrawn while still pending if the booking is cancelled or moved. */
		outboxId: uuid()
	},
	(t) => [primaryKey({ columns: [t.source, t.subjectId, t.startsAt] })]
);

export type AuditEntry = typeof auditLog.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
