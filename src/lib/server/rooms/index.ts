import { asc, eq } from 'drizzle-orm';
import { db } from '../db';
import { resource, room, type Room } from '../db/schema';

/** The public catalogue: active rooms in display order. */
export async function listRooms(): Promise<Room[]> {
	const rows = await db
		.select({ room })
		.from(room)
		.innerJoin(resource, eq(resource.id, room.resourceId))
		.where(eq(resource.active, true))
		.orderBy(asc(room.sortOrder));
	return rows.map((r) => r.room);
}
