import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import { reservation, type Reservation } from '../db/schema';
import { rowsOf } from '../db/sql';

type NewReservation = typeof reservation.$inferInsert;

interface InsertedRow {
	id: string;
	resource_id: string;
	starts_at: string | Date;
	ends_at: string | Date;
	status: Reservation['status'];
	series_id: string | null;
}

/**
 * Insert a reservation and its audit row in ONE statement (a data-modifying CTE): atomic like a
 * transaction, but one round trip instead of four. The exclusion constraint still decides.
 * `alsoWrite` (an idempotency key with its answer) joins the same statement: if either write is
 * refused, neither happens.
 */
export async function insertAudited(executor: Executor, values: NewReservation, actorId: string, action: string, alsoWrite?: SQL) {
	const result = await executor.execute(sql`
		with ${alsoWrite ? sql`also as (${alsoWrite}),` : sql``}
		inserted as ${executor.insert(reservation).values(values).returning()},
		audited as (
			insert into audit_log (actor_id, action, entity, entity_id, after)
			select ${actorId}::uuid, ${action}, 'reservation', inserted.id::text, to_jsonb(inserted) from inserted
		)
		select id, resource_id, starts_at, ends_at, status, series_id from inserted`);
	const row = rowsOf<InsertedRow>(result)[0]!;
	return {
		id: row.id,
		resourceId: row.resource_id,
		startsAt: new Date(row.starts_at),
		endsAt: new Date(row.ends_at),
		status: row.status,
		seriesId: row.series_id
	};
}
