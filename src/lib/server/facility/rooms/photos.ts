// Room photos: facility staff upload them with alt text in both languages; they are stored
// already resized as WebP (bytea, see db/schema/rooms.ts) and served at an immutable URL.
import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import sharp, { type Metadata, type SharpOptions } from 'sharp';
import { hasControlCharacters } from '../../../schemas/primitives';
import * as audit from '../../audit';
import { can, type Actor } from '../../auth/permissions';
import { db, type Executor } from '../../db';
import { resource, room, roomPhoto } from '../../db/schema';
import { isUuid } from '../../db/sql';
import { ForbiddenError, NotFoundError, ValidationError, type Violation } from '../../errors';
import { PHOTO_ALT_MAX_LENGTH, PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS, PHOTOS_PER_ROOM } from './limits';

/** The widths stored: the room page's photo and its thumbnail (never enlarged past the original). */
export const LARGE_WIDTH_PX = 1280;
export const THUMB_WIDTH_PX = 400;
export const PHOTO_SIZES = ['large', 'thumb'] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];

/** A photo as the pages list it: no bytes. */
export interface PhotoSummary {
	id: string;
	roomId: string;
	sortOrder: number;
	altKo: string;
	altEn: string;
	largeWidth: number;
	largeHeight: number;
	thumbWidth: number;
	thumbHeight: number;
	contentHash: string;
}

const summaryColumns = {
	id: roomPhoto.id,
	roomId: roomPhoto.roomId,
	sortOrder: roomPhoto.sortOrder,
	altKo: roomPhoto.altKo,
	altEn: roomPhoto.altEn,
	largeWidth: roomPhoto.largeWidth,
	largeHeight: roomPhoto.largeHeight,
	thumbWidth: roomPhoto.thumbWidth,
	thumbHeight: roomPhoto.thumbHeight,
	contentHash: roomPhoto.contentHash
};

function ensureMayManage(actor: Actor) {
	if (!can(actor, 'rooms.manage')) throw new ForbiddenError();
}

async function ensureRoom(executor: Executor, roomId: string, lock = false) {
	if (!isUuid(roomId)) throw new NotFoundError('room_not_found');
	const query = executor.select({ id: room.resourceId }).from(room).where(eq(room.resourceId, roomId));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw new NotFoundError('room_not_found');
}

/** Both alt texts: required (screen readers read them), one line, at most PHOTO_ALT_MAX_LENGTH. */
export function checkAlt(altKo: string, altEn: string): Violation[] {
	const violations: Violation[] = [];
	for (const [field, value] of [['altKo', altKo], ['altEn', altEn]] as const) {
		const trimmed = value.trim();
		if (hasControlCharacters(value)) violations.push({ rule: field, messageKey: 'input_control_characters' });
		else if (!trimmed) violations.push({ rule: field, messageKey: 'field_required' });
		else if (trimmed.length > PHOTO_ALT_MAX_LENGTH)
			violations.push({ rule: field, messageKey: 'field_too_long', params: { max: PHOTO_ALT_MAX_LENGTH } });
	}
	return violations;
}

/**
 * The formats accepted, as sharp names them. AVIF is read by sharp's bundled libheif (format
 * "heif", compression "av1"); HEIC is not (its codec is not in the prebuilt binaries).
 */
function acceptedFormat(meta: Metadata): boolean {
	if (meta.format === 'jpeg' || meta.format === 'png' || meta.format === 'webp') return true;
	return meta.format === 'heif' && meta.compression === 'av1';
}

const photoProblem = (messageKey: string, params?: Record<string, string | number>): Violation => ({ rule: 'photo', messageKey, params });

export interface ProcessedPhoto {
	large: { data: Uint8Array; width: number; height: number };
	thumb: { data: Uint8Array; width: number; height: number };
	contentHash: string;
}

/**
 * Judge and resize an uploaded file: a violation for what is not a photo we take, otherwise the
 * two WebP sizes. The header is read first (cheap); limitInputPixels then stops the decoder
 * itself, so a small file that claims or decodes to a huge image is refused before it is
 * expanded in memory.
 */
export async function processPhoto(bytes: Uint8Array | null): Promise<{ ok: true; photo: ProcessedPhoto } | { ok: false; violation: Violation }> {
	if (!bytes || bytes.byteLength === 0) return { ok: false, violation: photoProblem('facility_photo_required') };
	if (bytes.byteLength > PHOTO_MAX_BYTES)
		return { ok: false, violation: photoProblem('facility_photo_too_large', { max: PHOTO_MAX_BYTES / 1024 / 1024 }) };
	const options: SharpOptions = { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error', sequentialRead: true };
	let meta: Metadata;
	try {
		// The header only (vips opens images lazily): the pixel limit is judged here, with its own message.
		meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
	} catch {
		return { ok: false, violation: photoProblem('facility_photo_unreadable') };
	}
	if (!acceptedFormat(meta)) return { ok: false, violation: photoProblem('facility_photo_type') };
	if (!meta.width || !meta.height || meta.width * meta.height > PHOTO_MAX_PIXELS)
		return { ok: false, violation: photoProblem('facility_photo_too_many_pixels') };
	try {
		// rotate(): turn it upright by its EXIF orientation. Re-encoding without withMetadata()
		// drops EXIF (GPS included), XMP and IPTC; only the pixels are kept.
		const upright = sharp(bytes, options).rotate();
		const encode = (width: number) =>
			upright
				.clone()
				.resize({ width, withoutEnlargement: true })
				.webp({ quality: 80 })
				.toBuffer({ resolveWithObject: true });
		const [large, thumb] = await Promise.all([encode(LARGE_WIDTH_PX), encode(THUMB_WIDTH_PX)]);
		const contentHash = createHash('sha256').update(large.data).update(thumb.data).digest('hex');
		return {
			ok: true,
			photo: {
				large: { data: new Uint8Array(large.data), width: large.info.width, height: large.info.height },
				thumb: { data: new Uint8Array(thumb.data), width: thumb.info.width, height: thumb.info.height },
				contentHash
			}
		};
	} catch {
		// A truncated or corrupt file whose header looked fine.
		return { ok: false, violation: photoProblem('facility_photo_unreadable') };
	}
}

/**
 * Add a photo at the end of the room's list. Everything wrong (the file, either alt text) is
 * refused at once; the per-room limit is counted inside the transaction, under the room row's
 * lock, so simultaneous uploads cannot pass it together.
 */
export async function addPhoto(actor: Actor, roomId: string, bytes: Uint8Array | null, altKo: string, altEn: string): Promise<string> {
	ensureMayManage(actor);
	await ensureRoom(db, roomId);
	const violations = checkAlt(altKo, altEn);
	const processed = await processPhoto(bytes);
	if (!processed.ok) violations.unshift(processed.violation);
	if (violations.length || !processed.ok) throw new ValidationError(violations);
	const { photo } = processed;
	return db.transaction(async (tx) => {
		await ensureRoom(tx, roomId, true);
		const [{ count, next }] = (await tx
			.select({ count: sql<number>`count(*)::int`, next: sql<number>`coalesce(max(${roomPhoto.sortOrder}), 0)::int + 1` })
			.from(roomPhoto)
			.where(eq(roomPhoto.roomId, roomId))) as [{ count: number; next: number }];
		if (count >= PHOTOS_PER_ROOM)
			throw new ValidationError([photoProblem('facility_photo_limit', { max: PHOTOS_PER_ROOM })]);
		const values = {
			roomId,
			sortOrder: next,
			altKo: altKo.trim(),
			altEn: altEn.trim(),
			largeWebp: photo.large.data,
			largeWidth: photo.large.width,
			largeHeight: photo.large.height,
			thumbWebp: photo.thumb.data,
			thumbWidth: photo.thumb.width,
			thumbHeight: photo.thumb.height,
			contentHash: photo.contentHash,
			createdBy: actor.id
		};
		const [created] = await tx.insert(roomPhoto).values(values).returning({ id: roomPhoto.id });
		const id = created!.id;
		await audit.record(tx, {
			actorId: actor.id,
			action: 'room.photo.add',
			entity: 'room',
			entityId: roomId,
			after: { photoId: id, altKo: values.altKo, altEn: values.altEn, contentHash: photo.contentHash, width: photo.large.width, height: photo.large.height }
		});
		return id;
	});
}

/** A room's photos in display order, without their bytes (anyone may read them for a visible room). */
export async function listPhotos(roomId: string, executor: Executor = db): Promise<PhotoSummary[]> {
	if (!isUuid(roomId)) return [];
	return executor.select(summaryColumns).from(roomPhoto).where(eq(roomPhoto.roomId, roomId)).orderBy(asc(roomPhoto.sortOrder), asc(roomPhoto.createdAt));
}

/** The first photo of each room that has one (the room list's thumbnails). */
export async function firstPhotos(): Promise<Map<string, PhotoSummary>> {
	const rows = await db.select(summaryColumns).from(roomPhoto).orderBy(asc(roomPhoto.roomId), asc(roomPhoto.sortOrder), asc(roomPhoto.createdAt));
	const first = new Map<string, PhotoSummary>();
	for (const row of rows) if (!first.has(row.roomId)) first.set(row.roomId, row);
	return first;
}

export interface PhotoImage {
	data: Uint8Array;
	contentHash: string;
	/** Whether anyone may see it (its room is active, the public room page's rule). */
	public: boolean;
}

/**
 * One size of a room's photo, or null. Anyone gets the photos of a room the public may see (an
 * active room, the public room page's rule); room managers also those of a room out of use
 * (their edit page shows them). The route answers 404 for null.
 */
export async function image(viewer: Actor | null, roomId: string, photoId: string, size: string): Promise<PhotoImage | null> {
	if (!isUuid(roomId) || !isUuid(photoId) || !(PHOTO_SIZES as readonly string[]).includes(size)) return null;
	const [row] = await db
		.select({ data: size === 'large' ? roomPhoto.largeWebp : roomPhoto.thumbWebp, contentHash: roomPhoto.contentHash, public: resource.active })
		.from(roomPhoto)
		.innerJoin(resource, eq(resource.id, roomPhoto.roomId))
		.where(and(eq(roomPhoto.id, photoId), eq(roomPhoto.roomId, roomId)));
	if (!row) return null;
	const mayManage = viewer !== null && can(viewer, 'rooms.manage');
	return row.public || mayManage ? row : null;
}

/** The photo, locked, inside a transaction that holds the room's lock; NotFoundError if not this room's. */
async function lockedPhoto(tx: Executor, roomId: string, photoId: string) {
	await ensureRoom(tx, roomId, true);
	if (!isUuid(photoId)) throw new NotFoundError('facility_photo_not_found');
	const [row] = await tx
		.select(summaryColumns)
		.from(roomPhoto)
		.where(and(eq(roomPhoto.id, photoId), eq(roomPhoto.roomId, roomId)))
		.for('update');
	if (!row) throw new NotFoundError('facility_photo_not_found');
	return row;
}

export async function deletePhoto(actor: Actor, roomId: string, photoId: string): Promise<void> {
	ensureMayManage(actor);
	await db.transaction(async (tx) => {
		const photo = await lockedPhoto(tx, roomId, photoId);
		await tx.delete(roomPhoto).where(eq(roomPhoto.id, photoId));
		await audit.record(tx, {
			actorId: actor.id,
			action: 'room.photo.delete',
			entity: 'room',
			entityId: roomId,
			before: { photoId, altKo: photo.altKo, altEn: photo.altEn, contentHash: photo.contentHash }
		});
	});
}

/** Swap the photo with its neighbour; at either end nothing changes (and nothing is audited). */
export async function movePhoto(actor: Actor, roomId: string, photoId: string, direction: 'up' | 'down'): Promise<void> {
	ensureMayManage(actor);
	await db.transaction(async (tx) => {
		await lockedPhoto(tx, roomId, photoId);
		const list = await listPhotos(roomId, tx);
		const from = list.findIndex((p) => p.id === photoId);
		const to = direction === 'up' ? from - 1 : from + 1;
		if (to < 0 || to >= list.length) return;
		const order = list.map((p) => p.id);
		[order[from], order[to]] = [order[to]!, order[from]!];
		// Renumber 1..n: equal or gapped sort orders (older rows) end up distinct as well.
		for (const [index, id] of order.entries())
			if (list.find((p) => p.id === id)!.sortOrder !== index + 1)
				await tx.update(roomPhoto).set({ sortOrder: index + 1 }).where(eq(roomPhoto.id, id));
		await audit.record(tx, {
			actorId: actor.id,
			action: 'room.photo.move',
			entity: 'room',
			entityId: roomId,
			before: { order: list.map((p) => p.id) },
			after: { photoId, direction, order }
		});
	});
}

export async function updateAlt(actor: Actor, roomId: string, photoId: string, altKo: string, altEn: string): Promise<void> {
	ensureMayManage(actor);
	const violations = checkAlt(altKo, altEn);
	if (violations.length) {
		await ensureRoom(db, roomId);
		throw new ValidationError(violations);
	}
	await db.transaction(async (tx) => {
		const photo = await lockedPhoto(tx, roomId, photoId);
		const after = { altKo: altKo.trim(), altEn: altEn.trim() };
		await tx.update(roomPhoto).set(after).where(eq(roomPhoto.id, photoId));
		await audit.record(tx, {
			actorId: actor.id,
			action: 'room.photo.alt',
			entity: 'room',
			entityId: roomId,
			before: { photoId, altKo: photo.altKo, altEn: photo.altEn },
			after: { photoId, ...after }
		});
	});
}
