import { sql, type SQL } from 'drizzle-orm';
import { seoulMonthRange } from '../../time/seoul';
import type { Executor } from '../db';
import { sqlState } from '../db/errors';
import type { Reservation } from '../db/schema';
import { instant, rowsOf } from '../db/sql';

/** What a new holding reservation is made of (id chosen by the caller, timestamps by the database). */
export interface NewHold {
	id: string;
	resourceId: string;
	startsAt: Date;
	endsAt: Date;
	heldFrom: Date;
	heldUntil: Date;
	status: Reservation['status'];
	bookedBy: string;
	schoolId: string | null;
	purpose: string;
	attendees: number;
	seriesId: string | null;
}

interface InsertedRow {
	id: string;
	resource_id: string;
	starts_at: string | Date;
	ends_at: string | Date;
	status: Reservation['status'];
	series_id: string | null;
}

/** SQLSTATE raised by reservation_admit() (drizzle/0005_reservation_admit.sql) when a school's monthly quota would be exceeded. */
export const QUOTA_EXCEEDED = 'RQ001';

export function isQuotaExceeded(error: unknown): boolean {
	return sqlState(error) === QUOTA_EXCEEDED;
}

const COLUMNS = sql.raw(
	'id, resource_id, starts_at, ends_at, held_from, held_until, status, booked_by, school_id, purpose, attendees, series_id'
);

function rowOf(v: NewHold): SQL {
	return sql`(${v.id}::uuid, ${v.resourceId}::uuid, ${instant(v.startsAt)}, ${instant(v.endsAt)}, ${instant(v.heldFrom)}, ${instant(v.heldUntil)},
		${v.status}::reservation_status, ${v.bookedBy}::uuid, ${v.schoolId}::uuid, ${v.purpose}, ${v.attendees}::int, ${v.seriesId}::uuid)`;
}

function toHold(row: InsertedRow) {
	return {
		id: row.id,
		resourceId: row.resource_id,
		startsAt: new Date(row.starts_at),
		endsAt: new Date(row.ends_at),
		status: row.status,
		seriesId: row.series_id
	};
}

/**
 * Insert a reservation and its audit row in ONE statement (a data-modifying CTE): atomic like a
 * transaction, but one round trip. Before the insert, the statement takes the resource's advisory
 * lock (writers of one resource take turns, so contested inserts never deadlock); with
 * `countQuota` (a room with a monthly quota, booked for a school) reservation_admit() takes it and
 * counts the school's month again under it (SQLSTATE RQ001 when the booking would exceed it).
 * The exclusion constraint still decides overlaps.
 *
 * `alsoWrite` (an idempotency key with its answer: one data-modifying statement without
 * RETURNING) joins the same statement, before the lock: if either write is refused, neither
 * happens. Key first, then lock, in every request: two requests with one key meet at the key
 * and never hold the two in opposite order.
 */
export async function insertAudited(
	executor: Executor,
	values: NewHold,
	actorId: string,
	action: string,
	{ alsoWrite, countQuota = false }: { alsoWrite?: SQL; countQuota?: boolean } = {}
) {
	const month = seoulMonthRange(values.startsAt);
	const admit = countQuota
		? sql`select reservation_admit(array[${values.resourceId}::uuid], ${values.schoolId}::uuid,
			${instant(values.startsAt)}, ${instant(values.endsAt)}, ${instant(month.from)}, ${instant(month.to)})`
		: // The same key as reservation_lock() (drizzle/0005_reservation_admit.sql), without a function call.
			sql`select pg_advisory_xact_lock(hashtextextended('reservation:' || ${values.resourceId}::uuid::text, 0))`;
	const result = await executor.execute(sql`
		with ${alsoWrite ? sql`also as (${alsoWrite} returning 1), admitted as (${admit} from also),` : sql`admitted as (${admit}),`}
		inserted as (
			insert into reservation (${COLUMNS})
			select v.* from admitted, (values ${rowOf(values)}) as v (${COLUMNS})
			returning *
		),
		audited as (
			insert into audit_log (actor_id, action, entity, entity_id, after)
			select ${actorId}::uuid, ${action}, 'reservation', inserted.id::text, to_jsonb(inserted) from inserted
		)
		select id, resource_id, starts_at, ends_at, status, series_id from inserted`);
	return toHold(rowsOf<InsertedRow>(result)[0]!);
}

/** Take the resources' advisory locks for the rest of the transaction (sorted by the database). */
export async function lockResources(executor: Executor, resourceIds: string[]): Promise<void> {
	const ids = sql.join(resourceIds.map((id) => sql`${id}::uuid`), sql`, `);
	await executor.execute(sql`select reservation_lock(array[${ids}]::uuid[])`);
}

/**
 * Insert many holds in one statement; a hold that overlaps another is left out (ON CONFLICT DO
 * NOTHING works with exclusion constraints), so only what was inserted comes back. The caller
 * holds the resources' locks (lockResources), has counted quotas under them and audits the whole.
 */
export async function insertMany(executor: Executor, rows: NewHold[]) {
	if (rows.length === 0) return [];
	const result = await executor.execute(sql`
		insert into reservation (${COLUMNS})
		values ${sql.join(rows.map(rowOf), sql`, `)}
		on conflict do nothing
		returning id, resource_id, starts_at, ends_at, status, series_id`);
	return rowsOf<InsertedRow>(result).map(toHold);
}

/**
 * Take the lock of a reservation's resource for the rest of the transaction, before a change
 * that makes PostgreSQL check its hold against others again (approving: a new row version).
 */
export async function lockResourceOf(executor: Executor, reservationId: string): Promise<void> {
	await executor.execute(sql`select reservation_lock(array[resource_id]) from reservation where id = ${reservationId}::uuid`);
}
