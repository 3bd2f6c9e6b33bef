import { and, eq } from 'drizzle-orm';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db';
import { auditLog, resource, roomPhoto } from '../../src/lib/server/db/schema';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
import * as photos from '../../src/lib/server/facility/rooms/photos';
import { actor, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
});

/** A landscape JPEG 1600×1200 as a phone stores it: sideways pixels with EXIF orientation 6, and GPS. */
async function phoneJpeg(): Promise<Uint8Array> {
	const buffer = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40, g: 120, b: 200 } } })
		.jpeg()
		.withMetadata({ orientation: 6 })
		.withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 30/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '127/1 15/1 0/1' } })
		.toBuffer();
	return new Uint8Array(buffer);
}

async function smallPng(width = 200, height = 100): Promise<Uint8Array> {
	return new Uint8Array(await sharp({ create: { width, height, channels: 3, background: '#ccc' } }).png().toBuffer());
}

async function violationsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ValidationError);
	return Object.fromEntries((error as ValidationError).violations.map((v) => [v.rule, v.messageKey]));
}

/** The PNG with its IHDR width and height rewritten (and the chunk's CRC recomputed). */
async function withPngSize(png: Uint8Array, width: number, height: number): Promise<Uint8Array> {
	const copy = new Uint8Array(png);
	const view = new DataView(copy.buffer);
	// Signature (8), IHDR length (4), "IHDR" (4), then width and height; the CRC covers type and data.
	view.setUint32(16, width);
	view.setUint32(20, height);
	view.setUint32(29, crc32(copy.subarray(12, 29)));
	return copy;
}

const bytesOf = async (photoId: string) => (await db.select().from(roomPhoto).where(eq(roomPhoto.id, photoId)))[0]!;

describe('room photos: upload', () => {
	it('turns a phone photo upright, drops its EXIF (GPS included), stores 1280 and 400 px WebP with a hash, and audits it', async () => {
		const facility = await actor('facility@center.test');
		const roomId = rooms['meeting-a']!;
		const original = await phoneJpeg();
		expect((await sharp(original).metadata()).exif).toBeDefined();

		const id = await photos.addPhoto(facility, roomId, original, '  창가에 긴 책상이 있는 회의실 A ', 'Meeting room A with a long table');
		const row = await bytesOf(id);
		// Orientation 6: the 1600×1200 pixels are shown 1200 wide, 1600 high.
		expect([row.largeWidth, row.largeHeight]).toEqual([1200, 1600]);
		expect([row.thumbWidth, row.thumbHeight]).toEqual([400, 533]);
		expect(row.altKo).toBe('창가에 긴 책상이 있는 회의실 A');
		expect(row.contentHash).toMatch(/^[0-9a-f]{64}$/);
		expect(row.createdBy).toBe(facility.id);
		for (const data of [row.largeWebp, row.thumbWebp]) {
			const meta = await sharp(data).metadata();
			expect(meta.format).toBe('webp');
			expect(meta.exif).toBeUndefined();
			expect(meta.xmp).toBeUndefined();
			expect(meta.orientation ?? 1).toBe(1);
			// Not even the GPS reference letter survives anywhere in the file.
			expect(Buffer.from(data).includes('PhoneMaker')).toBe(false);
			expect(Buffer.from(data).includes('GPS')).toBe(false);
		}
		const [audited] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, roomId), eq(auditLog.action, 'room.photo.add')));
		expect(audited!.after).toMatchObject({ photoId: id, altEn: 'Meeting room A with a long table' });
		expect(await photos.listPhotos(roomId)).toMatchObject([{ id, sortOrder: 1, largeWidth: 1200 }]);
	});

	it('never enlarges a small photo and accepts PNG and WebP', async () => {
		const facility = await actor('facility@center.test');
		const roomId = rooms['meeting-b']!;
		const png = await photos.addPhoto(facility, roomId, await smallPng(), '작은 사진', 'Small photo');
		expect(await bytesOf(png)).toMatchObject({ largeWidth: 200, largeHeight: 100, thumbWidth: 200 });
		const webp = new Uint8Array(await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#123' } }).webp().toBuffer());
		const id = await photos.addPhoto(facility, roomId, webp, '넓은 사진', 'Wide photo');
		expect(await bytesOf(id)).toMatchObject({ largeWidth: 1280, largeHeight: 640, thumbWidth: 400, thumbHeight: 200 });
	});

	it('refuses what is not a photo with a field error, every problem at once', async () => {
		const facility = await actor('facility@center.test');
		const roomId = rooms['consult-1']!;
		const text = new TextEncoder().encode('this is a text file renamed photo.jpg\n');
		expect(await violationsOf(photos.addPhoto(facility, roomId, text, '', ' '))).toEqual({
			photo: 'facility_photo_unreadable',
			altKo: 'field_required',
			altEn: 'field_required'
		});
		expect(await violationsOf(photos.addPhoto(facility, roomId, new Uint8Array(), '사진', 'Photo'))).toEqual({ photo: 'facility_photo_required' });
		expect(await violationsOf(photos.addPhoto(facility, roomId, null, '사진', 'Photo'))).toEqual({ photo: 'facility_photo_required' });
		const gif = new Uint8Array(await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer());
		expect(await violationsOf(photos.addPhoto(facility, roomId, gif, '사진', 'Photo'))).toEqual({ photo: 'facility_photo_type' });
		const jpeg = await phoneJpeg();
		expect(await violationsOf(photos.addPhoto(facility, roomId, jpeg.slice(0, 600), '사진', 'Photo'))).toEqual({ photo: 'facility_photo_unreadable' });
		expect(await violationsOf(photos.addPhoto(facility, roomId, jpeg, '사진\u0000', 'x'.repeat(201)))).toEqual({
			altKo: 'input_control_characters',
			altEn: 'field_too_long'
		});
		expect(await photos.listPhotos(roomId)).toEqual([]);
	});

	it('refuses a file over 10 MB and a decompression bomb (a small PNG of 50 megapixels) cheaply', async () => {
		const facility = await actor('facility@center.test');
		const roomId = rooms['consult-1']!;
		const big = new Uint8Array(10 * 1024 * 1024 + 1);
		big.set(await smallPng());
		expect(await violationsOf(photos.addPhoto(facility, roomId, big, '사진', 'Photo'))).toEqual({ photo: 'facility_photo_too_large' });
		// A 10000×5000 PNG header (50 megapixels) on a tiny file: refused from the header, never decoded.
		const bomb = await withPngSize(await smallPng(8, 8), 10_000, 5_000);
		expect(bomb.byteLength).toBeLessThan(1_000);
		const started = performance.now();
		expect(await violationsOf(photos.addPhoto(facility, roomId, bomb, '사진', 'Photo'))).toEqual({ photo: 'facility_photo_too_many_pixels' });
		expect(performance.now() - started).toBeLessThan(2_000);
	});

	it('lets only room managers upload, and answers 404 for a room that is not there', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		await expect(photos.addPhoto(school, rooms['pc-lab']!, await smallPng(), '사진', 'Photo')).rejects.toBeInstanceOf(ForbiddenError);
		await expect(photos.addPhoto(facility, '00000000-0000-4000-8000-000000000000', await smallPng(), '사진', 'Photo')).rejects.toBeInstanceOf(NotFoundError);
		await expect(photos.addPhoto(facility, 'not-a-uuid', await smallPng(), '사진', 'Photo')).rejects.toBeInstanceOf(NotFoundError);
	});

	it('keeps at most 8 photos per room even when 12 uploads arrive at once', async () => {
		const facility = await actor('facility@center.test');
		const roomId = rooms['consult-2']!;
		const png = await smallPng(64, 48);
		const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => photos.addPhoto(facility, roomId, png, `사진 ${i}`, `Photo ${i}`)));
		const stored = results.filter((r) => r.status === 'fulfilled');
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(stored).toHaveLength(8);
		expect(refused).toHaveLength(4);
		for (const r of refused) {
			expect(r.reason).toBeInstanceOf(ValidationError);
			expect((r.reason as ValidationError).violations).toEqual([{ rule: 'photo', messageKey: 'facility_photo_limit', params: { max: 8 } }]);
		}
		const list = await photos.listPhotos(roomId);
		expect(list).toHaveLength(8);
		expect(list.map((p) => p.sortOrder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
	});
});

describe('room photos: order, alt text, delete, public image', () => {
	it('moves a photo up and down (nothing past either end), edits its alt text and deletes it, each audited', async () => {
		const facility = await actor('facility@center.test');
		const roomId = rooms['consult-3']!;
		const png = await smallPng();
		const a = await photos.addPhoto(facility, roomId, png, '가', 'A');
		const b = await photos.addPhoto(facility, roomId, png, '나', 'B');
		const c = await photos.addPhoto(facility, roomId, png, '다', 'C');
		const order = async () => (await photos.listPhotos(roomId)).map((p) => p.id);

		await photos.movePhoto(facility, roomId, c, 'up');
		expect(await order()).toEqual([a, c, b]);
		await photos.movePhoto(facility, roomId, a, 'up');
		await photos.movePhoto(facility, roomId, b, 'down');
		expect(await order()).toEqual([a, c, b]);
		await photos.movePhoto(facility, roomId, a, 'down');
		expect(await order()).toEqual([c, a, b]);

		await photos.updateAlt(facility, roomId, a, ' 새 설명 ', 'New alt');
		expect((await photos.listPhotos(roomId)).find((p) => p.id === a)).toMatchObject({ altKo: '새 설명', altEn: 'New alt' });
		expect(await violationsOf(photos.updateAlt(facility, roomId, a, '', 'x'))).toEqual({ altKo: 'field_required' });

		await photos.deletePhoto(facility, roomId, c);
		expect(await order()).toEqual([a, b]);
		// A photo of another room, or one already deleted: not found.
		await expect(photos.deletePhoto(facility, rooms['consult-4']!, a)).rejects.toBeInstanceOf(NotFoundError);
		await expect(photos.deletePhoto(facility, roomId, c)).rejects.toBeInstanceOf(NotFoundError);
		await expect(photos.movePhoto(await actor('school@center.test'), roomId, a, 'up')).rejects.toBeInstanceOf(ForbiddenError);

		const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, roomId))).map((r) => r.action);
		expect(actions.filter((x) => x === 'room.photo.move')).toHaveLength(2);
		expect(actions).toContain('room.photo.alt');
		expect(actions).toContain('room.photo.delete');
	});

	it('serves a photo of an active room to anyone, of a room out of use to room managers only, by size', async () => {
		const facility = await actor('facility@center.test');
		const school = await actor('school@center.test');
		const roomId = rooms['consult-4']!;
		const id = await photos.addPhoto(facility, roomId, await smallPng(), '사진', 'Photo');
		const large = await photos.image(null, roomId, id, 'large');
		expect(large).toMatchObject({ public: true, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
		expect((await sharp(large!.data).metadata()).format).toBe('webp');
		expect(await photos.image(null, roomId, id, 'thumb')).not.toBeNull();
		expect(await photos.image(null, roomId, id, 'huge')).toBeNull();
		expect(await photos.image(null, rooms['pc-lab']!, id, 'large')).toBeNull();
		expect(await photos.image(null, roomId, 'nope', 'large')).toBeNull();
		expect((await photos.firstPhotos()).get(roomId)?.id).toBe(id);

		await db.update(resource).set({ active: false }).where(eq(resource.id, roomId));
		expect(await photos.image(null, roomId, id, 'large')).toBeNull();
		expect(await photos.image(school, roomId, id, 'large')).toBeNull();
		expect(await photos.image(facility, roomId, id, 'large')).toMatchObject({ public: false });
		await db.update(resource).set({ active: true }).where(eq(resource.id, roomId));
	});
});
