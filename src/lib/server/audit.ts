import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { db, type Executor } from './db';
import { auditLog } from './db/schema';

export interface AuditEntry {
	actorId: string | null;
	action: string;
	entity: string;
	entityId?: string | null;
	before?: unknown;
	after?: unknown;
}

const rowOf = (entry: AuditEntry) => ({
	actorId: entry.actorId,
	action: entry.action,
	entity: entry.entity,
	entityId: entry.entityId ?? null,
	before: entry.before ?? null,
	after: entry.after ?? null
});

/** Write one audit row; call it with the transaction that makes the change. */
export async function record(tx: Executor, entry: AuditEntry): Promise<void> {
	await tx.insert(auditLog).values(rowOf(entry));
}

/** Write several audit rows in one statement (a change that touched many rows at once). */
export async function recordMany(tx: Executor, entries: AuditEntry[]): Promise<void> {
	if (entries.length) await tx.insert(auditLog).values(entries.map(rowOf));
}

export type AuditRow = typeof auditLog.$inferSelect;

/** The audit rows of some entities, oldest first (a booking's trail: the ids of its holds). */
export async function trailOf(entity: string, entityIds: string[]): Promise<AuditRow[]> {
	if (entityIds.length === 0) return [];
	return db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entity, entity), inArray(auditLog.entityId, entityIds)))
		.orderBy(asc(auditLog.at), asc(auditLog.id));
}

/** The newest audit row of one action on one entity, or undefined. */
export async function latestOf(entity: string, entityId: string, action: string): Promise<AuditRow | undefined> {
	const [row] = await db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId), eq(auditLog.action, action)))
		.orderBy(desc(auditLog.id))
		.limit(1);
	return row;
}
