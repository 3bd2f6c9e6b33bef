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

/** Write one audit row; call it with the transaction that makes the change. */
export async function record(tx: Executor, entry: AuditEntry): Promise<void> {
	await tx.insert(auditLog).values({
		actorId: entry.actorId,
		action: entry.action,
		entity: entry.entity,
		entityId: entry.entityId ?? null,
		before: entry.before ?? null,
		after: entry.after ?? null
	});
}
