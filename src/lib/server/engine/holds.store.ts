import { and, asc, eq, gt, inArray, isNull, lt, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../db';
import { HOLDING_STATUSES, reservation, type Reservation } from '../db/schema';
import { instant, rowsOf } from '../db/sql';
import { mailStatement } from '../notifications/outbox';
import { admitCtes, type Limit } from './limits';
import type { Notice } from './policy';

/**
 * The store of the `reservation` table, where every hold of every service lives: the only module
 * that writes holds (the engine's booking entry point and its transitions call it), and the named
 * fragments every reader of the table builds its queries from.
 */

/** Whether a status holds its time (HOLDING_STATUSES: the exclusion constraint only looks at these). */
export const isHolding = (status: string): boolean => (HOLDING_STATUSES as readonly string[]).includes(status);

/** The row holds its time (requested or confirmed). */
export const holding: SQL = inArray(reservation.status, [...HOLDING_STATUSES])!;

/** The booking (start to end, without buffers) overlaps [from, to). */
export function bookedDuring(from: Date | SQLWrapper, to: Date | SQLWrapper): SQL {
	return and(lt(reservation.startsAt, to), gt(reservation.endsAt, from))!;
}

/** The held interval (buffers included) overlaps [from, to): the range operator, served by the exclusion constraint's GiST index. */
export function heldDuring(from: Date, to: Date): SQL {
	return sql`${reservation.held} && tstzrange(${instant(from)}, ${instant(to)}, '[)')`;
}

/**
 * The row is its booking's own (first) hold, not a further hold of a booking made elsewhere: an
 * in-person consultation holds a consultant first and a room second, and that room hold is part of
 * the consultation, not a room booking of its own (lists of room bookings and approvals leave it out).
 */
export const principalHold: SQL = or(isNull(reservation.bookingId), eq(reservation.bookingId, reservation.id))!;

/** Every hold of the booking `bookingId` names (a row written before bookings had ids is its own). */
export function ofBooking(bookingId: string): SQL {
	return or(eq(reservation.bookingId, bookingId), eq(reservation.id, bookingId))!;
}

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
	/** The booking the hold belongs to (the first hold's id); omitted: the hold is its own booking. */
	bookingId?: string | null;
}

export interface InsertedHold {
	id: string;
	resourceId: string;
	startsAt: Date;
	endsAt: Date;
	status: Reservation['status'];
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

const COLUMNS = sql.raw(
	'id, resource_id, starts_at, ends_at, held_from, held_until, status, booked_by, school_id, purpose, attendees, series_id, booking_id'
);

function rowOf(v: NewHold): SQL {
	return sql`(${v.id}::uuid, ${v.resourceId}::uuid, ${instant(v.startsAt)}, ${instant(v.endsAt)}, ${instant(v.heldFrom)}, ${instant(v.heldUntil)},
		${v.status}::reservation_status, ${v.bookedBy}::uuid, ${v.schoolId}::uuid, ${v.purpose}, ${v.attendees}::int, ${v.seriesId}::uuid,
		${v.bookingId ?? v.id}::uuid)`;
}

function toHold(row: InsertedRow): InsertedHold {
	return {
		id: row.id,
		resourceId: row.resource_id,
		startsAt: new Date(row.starts_at),
		endsAt: new Date(row.ends_at),
		status: row.status,
		seriesId: row.series_id
	};
}

/** The advisory lock of each resource, in one statement (sorted by reservation_lock, so no two writers deadlock). */
function lockStatement(resourceIds: string[]): SQL {
	if (resourceIds.length === 1)
		// The same key as reservation_lock() (drizzle/0005_reservation_admit.sql), without a function call.
		return sql`select pg_advisory_xact_lock(hashtextextended('reservation:' || ${resourceIds[0]}::uuid::text, 0))`;
	const ids = sql.join(resourceIds.map((id) => sql`${id}::uuid`), sql`, `);
	return sql`select reservation_lock(array[${ids}]::uuid[])`;
}

/**
 * Insert the holds of one booking (one resource or several) and an audit row per hold in ONE
 * statement (a data-modifying CTE): atomic like a transaction, but one round trip. Before the
 * insert, the statement takes the resources' advisory locks (writers of one resource take turns,
 * so contested inserts never deadlock), then the `limits`' locks, and counts each limit again
 * under its lock (limits.ts: LIMIT_EXCEEDED refuses the statement). The exclusion constraint
 * decides overlaps: one clashing hold refuses the whole statement (23P01), so a booking holds all
 * its resources or none.
 *
 * `alsoWrite` (an idempotency key with its answer: one data-modifying statement without
 * RETURNING) joins the same statement, before the lock: if either write is refused, neither
 * happens. Key first, then lock, in every request: two requests with one key meet at the key
 * and never hold the two in opposite order.
 *
 * `notices` (the booking's e-mails) are queued in the outbox by the same statement, only if the
 * insert happened: the booking and its mails commit together or not at all.
 *
 * `record` (the service's own row of the booking, reading `inserted` and returning its
 * `reference`) joins the statement after the insert, so the booking and its record exist together
 * or not at all; the notices say the reference where they hold REFERENCE_PLACEHOLDER.
 */
export async function insertAudited(
	executor: Executor,
	values: NewHold | NewHold[],
	actorId: string,
	action: string,
	{ alsoWrite, limits = [], notices = [], record }: { alsoWrite?: SQL; limits?: Limit[]; notices?: Notice[]; record?: SQL } = {}
): Promise<InsertedHold> {
	const holds = Array.isArray(values) ? values : [values];
	const lock = lockStatement([...new Set(holds.map((h) => h.resourceId))]);
	const locked = alsoWrite ? sql`also as (${alsoWrite} returning 1), locked as (${lock} from also)` : sql`locked as (${lock})`;
	// The limits' locks after the resources' (every writer takes them in that order), then their counts.
	const admitted = limits.length ? admitCtes(limits, 'locked') : sql`admitted as (select 1 from locked)`;
	const result = await executor.execute(sql`
		with ${locked}, ${admitted},
		inserted as (
			insert into reservation (${COLUMNS})
			select v.* from admitted, (values ${sql.join(holds.map(rowOf), sql`, `)}) as v (${COLUMNS})
			returning *
		),
		audited as (
			insert into audit_log (actor_id, action, entity, entity_id, after)
			select ${actorId}::uuid, ${action}, 'reservation', inserted.id::text, to_jsonb(inserted) from inserted
		)${record ? sql`, recorded as (${record} returning reference)` : sql``}${sql.join(
			notices.map((n, i) => sql`, ${sql.raw(`mailed_${i}`)} as (${mailStatement(n.to, n.mail, sql`exists (select 1 from inserted)`, record ? sql`(select reference from recorded)` : undefined)})`),
			sql``
		)}
		select id, resource_id, starts_at, ends_at, status, series_id from inserted`);
	const inserted = rowsOf<InsertedRow>(result).map(toHold);
	return inserted.find((h) => h.id === holds[0]!.id)!;
}

/** Take the resources' advisory locks for the rest of the transaction (sorted by the database). */
export async function lockResources(executor: Executor, resourceIds: string[]): Promise<void> {
	const ids = sql.join(resourceIds.map((id) => sql`${id}::uuid`), sql`, `);
	await executor.execute(sql`select reservation_lock(array[${ids}]::uuid[])`);
}

/**
 * Insert many holds in one statement. With `skipClashing` (each booking holds one resource) a
 * hold that overlaps another is left out (ON CONFLICT DO NOTHING works with exclusion
 * constraints), so only what was inserted comes back; without it one clash refuses them all.
 * The caller holds the resources' locks (lockResources), has counted limits under them and
 * audits the whole.
 */
export async function insertMany(executor: Executor, rows: NewHold[], { skipClashing = true }: { skipClashing?: boolean } = {}) {
	if (rows.length === 0) return [];
	const result = await executor.execute(sql`
		insert into reservation (${COLUMNS})
		values ${sql.join(rows.map(rowOf), sql`, `)}
		${skipClashing ? sql`on conflict do nothing` : sql``}
		returning id, resource_id, starts_at, ends_at, status, series_id`);
	return rowsOf<InsertedRow>(result).map(toHold);
}

/**
 * Take the locks of a booking's resources for the rest of the transaction, before a change that
 * makes PostgreSQL check its holds against others again (approving: a new row version).
 */
export async function lockResourcesOf(executor: Executor, bookingId: string, also: string[] = []): Promise<void> {
	// `also`: resources the change is about to hold (a move to another room), locked in the same sorted call.
	const extra = also.length ? sql` || array[${sql.join(also.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[]` : sql``;
	await executor.execute(
		sql`select reservation_lock(array_agg(resource_id)${extra}) from reservation where booking_id = ${bookingId}::uuid or id = ${bookingId}::uuid`
	);
}

/** A time a resource is held, as the API and the pages show it. */
export interface Clash {
	resourceId: string;
	start: string;
	end: string;
}

/** Held intervals of the resources' holding reservations that overlap [from, to), by resource and time. */
export async function clashes(resourceIds: string[], from: Date, to: Date, executor: Executor): Promise<Clash[]> {
	const rows = await executor
		.select({ resourceId: reservation.resourceId, heldFrom: reservation.heldFrom, heldUntil: reservation.heldUntil })
		.from(reservation)
		.where(and(inArray(reservation.resourceId, resourceIds), holding, heldDuring(from, to)))
		.orderBy(asc(reservation.heldFrom), asc(reservation.resourceId));
	return rows.map((r) => ({ resourceId: r.resourceId, start: r.heldFrom.toISOString(), end: r.heldUntil.toISOString() }));
}

/** For each wanted hold, the held intervals of the same resource's holding reservations it overlaps: one query. */
export async function clashesOfEach(
	wanted: { resourceId: string; heldFrom: Date; heldUntil: Date }[],
	executor: Executor
): Promise<Clash[][]> {
	if (wanted.length === 0) return [];
	const list = sql.join(
		wanted.map((h, i) => sql`(${i}::int, ${h.resourceId}::uuid, ${instant(h.heldFrom)}, ${instant(h.heldUntil)})`),
		sql`, `
	);
	const result = await executor.execute(sql`
		select o.i, r.resource_id, r.held_from, r.held_until
		from (values ${list}) as o (i, resource_id, f, t)
		join reservation r on r.resource_id = o.resource_id
			and r.status in (${sql.join(HOLDING_STATUSES.map((s) => sql`${s}::reservation_status`), sql`, `)})
			and r.held && tstzrange(o.f, o.t, '[)')
		order by o.i, r.held_from`);
	const each: Clash[][] = wanted.map(() => []);
	for (const row of rowsOf<{ i: number; resource_id: string; held_from: string | Date; held_until: string | Date }>(result))
		each[Number(row.i)]!.push({
			resourceId: row.resource_id,
			start: new Date(row.held_from).toISOString(),
			end: new Date(row.held_until).toISOString()
		});
	return each;
}
