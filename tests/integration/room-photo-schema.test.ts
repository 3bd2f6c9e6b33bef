import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db';
import { resource, room, roomPhoto } from '../../src/lib/server/db/schema';
import { roomIdsByCode, seedDemoCenter } from './fixtures';

let roomId: string;

beforeAll(async () => {
	await seedDemoCenter();
	roomId = (await roomIdsByCode())['meeting-a']!;
});

describe('room photo storage (bytea in the database, shared by every app process)', () => {
	it('gives every demo room a location, an office and a 044-320-30xx phone; free of charge unless said', async () => {
		const rooms = await db.select().from(room);
		for (const r of rooms) {
			expect(r.locationKo).not.toBe('');
			expect(r.locationEn).not.toBe('');
			expect(r.officeNameKo).not.toBe('');
			expect(r.officePhone).toMatch(/^044-320-30\d\d$/);
			if (!r.freeOfCharge) expect(r.feeNoteKo).not.toBe('');
		}
		expect(rooms.find((r) => r.resourceId === roomId)).toMatchObject({ freeOfCharge: true, feeNoteKo: '' });
	});

	it('stores and reads back the bytes exactly, and deletes photos with their room', async () => {
		const bytes = new Uint8Array([0, 1, 2, 254, 255, 82, 73, 70, 70]);
		const [row] = await db
			.insert(roomPhoto)
			.values({
				roomId,
				altKo: '회의실 A 내부',
				altEn: 'Inside meeting room A',
				largeWebp: bytes,
				largeWidth: 1280,
				largeHeight: 960,
				thumbWebp: bytes.slice(0, 3),
				thumbWidth: 400,
				thumbHeight: 300,
				contentHash: 'abc123'
			})
			.returning();
		const [back] = await db.select().from(roomPhoto).where(eq(roomPhoto.id, row!.id));
		expect(Array.from(back!.largeWebp)).toEqual(Array.from(bytes));
		expect(Array.from(back!.thumbWebp)).toEqual([0, 1, 2]);

		await db.delete(resource).where(eq(resource.id, roomId));
		expect(await db.select().from(roomPhoto).where(eq(roomPhoto.roomId, roomId))).toEqual([]);
	});
});
