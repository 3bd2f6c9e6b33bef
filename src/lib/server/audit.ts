import type { Executor } from './db';
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
