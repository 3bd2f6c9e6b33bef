import { asc, eq, and } from 'drizzle-orm';
import { db } from '../db';
import { resource, room, roomRule, type Room } from '../db/schema';

export type CatalogueRoom = Room & { requiresApproval: boolean };

/** The public catalogue: active rooms in display order, with whether they need approval. */
export async function catalogue(): Promise<CatalogueRoom[]> {
	const rows = await db
		.select({ room, requiresApproval: roomRule.requiresApproval })
		.from(room)
		.innerJoin(resource, eq(resource.id, room.resourceId))
		.leftJoin(roomRule, eq(roomRule.resourceId, room.resourceId))
		.where(eq(resource.active, true))
		.orderBy(asc(room.sortOrder));
	return rows.map((r) => ({ ...r.room, requiresApproval: r.requiresApproval ?? false }));
}

export async function find(id: string): Promise<CatalogueRoom | null> {
	if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
	const [row] = await db
		.select({ room, requiresApproval: roomRule.requiresApproval })
		.from(room)
		.innerJoin(resource, eq(resource.id, room.resourceId))
		.leftJoin(roomRule, eq(roomRule.resourceId, room.resourceId))
		.where(and(eq(room.resourceId, id), eq(resource.active, true)));
	return row ? { ...row.room, requiresApproval: row.requiresApproval ?? false } : null;
}
