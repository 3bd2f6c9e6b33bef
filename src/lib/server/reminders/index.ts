import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import * as clock from '../clock';
import { db, type Executor } from '../db';
import { outbox as outboxTable, reminder } from '../db/schema';
import { instant } from '../db/sql';
import type { Mail } from '../notifications/letter';
import * as outbox from '../notifications/outbox';

/**
 * The one reminder mechanism of every service. A service (rooms now; consultations, visits and
 * trainings later) registers a `ReminderSource` that says which of its bookings are due for a
 * reminder at a given moment and what the mail says; this module claims each one and queues its
 * mail in the same transaction, driven by the background job loop and the app's clock.
 *
 * Never two: each reminder is a row of `reminder` keyed (source, booking, start). Two processes
 * racing insert the same key and only one insert wins (ON CONFLICT DO NOTHING), and only the
 * winner queues the mail; a restart finds the rows and sends nothing again. Sources also lock
 * their bookings FOR UPDATE SKIP LOCKED, so a cancel or move committing meanwhile is either
 * seen (no stale reminder) or waits until the reminder is queued; a reminder queued but not yet
 * sent when its booking is cancelled or moved is withdrawn from the outbox with its claim
 * (`withdraw`, called by the engine's transitions in their transaction).
 */
export interface ReminderSource {
	/** Stable name, part of each reminder's key ("rooms"). */
	name: string;
	/**
	 * At most `limit` reminders due at `now` that have no `reminder` row yet (use `notQueued`),
	 * read inside the claiming transaction with the source's rows locked FOR UPDATE SKIP LOCKED.
	 */
	due(tx: Executor, now: Date, limit: number): Promise<DueReminder[]>;
}

export interface DueReminder {
	/** The booking's id. */
	subjectId: string;
	/** The start it reminds of: a booking moved to a new start is reminded of that one. */
	startsAt: Date;
	/** The booker's account: the mail goes in their language. */
	userId: string;
	mail: Mail;
}

export const BATCH_SIZE = 50;

/** Reminders go out on the day before the start, from this hour (Asia/Seoul) until midnight. */
export const REMINDER_HOUR_SEOUL = 9;
/** Bookings starting within this long from now are the only candidates (the window is the day before). */
const LOOKAHEAD_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * The SQL condition "`startsAt` (a timestamptz column) is due for its day-before reminder at
 * `now`": it starts within two days, and now is between 09:00 Asia/Seoul of the day before and
 * that day's midnight. A worker that was down catches up until midnight; a booking made on the
 * day it starts gets none. Every source uses it, so every service reminds alike.
 */
export function dueDayBefore(startsAt: SQL, now: Date): SQL {
	const seoulDay = sql`(${startsAt} at time zone 'Asia/Seoul')::date`;
	return sql`${startsAt} > ${instant(now)} and ${startsAt} < ${instant(new Date(now.getTime() + LOOKAHEAD_MS))}
		and ((${seoulDay} - 1) + make_time(${REMINDER_HOUR_SEOUL}::int, 0, 0)) at time zone 'Asia/Seoul' <= ${instant(now)}
		and ${seoulDay}::timestamp at time zone 'Asia/Seoul' > ${instant(now)}`;
}

/** The SQL condition "no reminder of `source` was claimed for this booking at this start". */
export function notQueued(source: string, subjectId: SQL, startsAt: SQL): SQL {
	return sql`not exists (select 1 from reminder s where s.source = ${source} and s.subject_id = ${subjectId} and s.starts_at = ${startsAt})`;
}

const keyOf = (subjectId: string, startsAt: Date) => `${subjectId}|${startsAt.getTime()}`;

/** Queue every due reminder of every source; the number queued by this call. */
export async function sendDue(sources: readonly ReminderSource[], { batchSize = BATCH_SIZE } = {}): Promise<number> {
	let queued = 0;
	for (const source of sources) {
		for (;;) {
			const batch = await db.transaction(async (tx) => {
				const now = clock.now();
				const due = await source.due(tx, now, batchSize);
				if (due.length === 0) return { found: 0, queued: 0 };
				const claimed = await tx
					.insert(reminder)
					.values(due.map((d) => ({ source: source.name, subjectId: d.subjectId, startsAt: d.startsAt, queuedAt: now })))
					.onConflictDoNothing()
					.returning({ subjectId: reminder.subjectId, startsAt: reminder.startsAt });
				const won = new Set(claimed.map((c) => keyOf(c.subjectId, c.startsAt)));
				for (const d of due) {
					if (!won.has(keyOf(d.subjectId, d.startsAt))) continue;
					const [outboxId] = await outbox.mail(tx, { userId: d.userId }, d.mail);
					await tx
						.update(reminder)
						.set({ outboxId })
						.where(and(eq(reminder.source, source.name), eq(reminder.subjectId, d.subjectId), eq(reminder.startsAt, d.startsAt)));
				}
				return { found: due.length, queued: claimed.length };
			});
			queued += batch.queued;
			// A short batch was the last; a batch another process had claimed already: leave the rest to the next poll.
			if (batch.found < batchSize || batch.queued === 0) break;
		}
	}
	return queued;
}

/**
 * Withdraw the reminders of these bookings that still wait in the outbox: the booking was
 * cancelled or moved in the caller's transaction, so what they say is no longer true. A message
 * a worker is sending right now is locked by it; this waits, finds it sent, and leaves it.
 */
export async function withdraw(tx: Executor, subjectIds: string[]): Promise<void> {
	if (subjectIds.length === 0) return;
	const queued = tx.select({ id: reminder.outboxId }).from(reminder).where(inArray(reminder.subjectId, subjectIds));
	const withdrawn = await tx
		.delete(outboxTable)
		.where(and(eq(outboxTable.status, 'pending'), inArray(outboxTable.id, queued)))
		.returning({ id: outboxTable.id });
	// Their claims go too: a booking moved back to that start (an undo) is reminded of it again.
	// A reminder already sent keeps its row, so a move back never reminds twice.
	if (withdrawn.length)
		await tx.delete(reminder).where(
			inArray(
				reminder.outboxId,
				withdrawn.map((w) => w.id)
			)
		);
}
