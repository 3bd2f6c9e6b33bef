import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import * as clock from '../clock';
import { db } from '../db';
import { isUniqueViolation } from '../db/errors';
import { idempotencyKey } from '../db/schema';
import { instant, rowsOf } from '../db/sql';
import { ConflictError, ValidationError } from '../errors';
import { canonicalJson } from '../http/json';

export interface StoredAnswer {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

/**
 * Handed to the work: the key, to be written with its answer in the same statement or
 * transaction as the work's effect (a booking). If another request with this key already
 * answered, that write fails and takes the effect down with it.
 */
export interface Claim {
	/** An INSERT of the key with `answer`, for a data-modifying CTE or a transaction. */
	insert(answer: StoredAnswer): SQL;
}

/**
 * Thrown by work that found its effect refused because the key's request already took effect (a
 * retry of a registration meets the person's own seat before the key): `once` then answers with
 * the stored answer, as when the key itself collides.
 */
export class KeyTaken extends Error {
	constructor() {
		super('idempotency key already answered');
	}
}

/** Whether (user, key) has an answer stored. */
export async function isAnswered(userId: string, key: string): Promise<boolean> {
	const [row] = await db.select({ key: idempotencyKey.key }).from(idempotencyKey).where(and(eq(idempotencyKey.userId, userId), eq(idempotencyKey.key, key)));
	return Boolean(row);
}

/** What the work returns: `kept` when it wrote the key itself through `Claim.insert`. */
export type WorkAnswer = StoredAnswer & { kept?: boolean };

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
const PRIMARY_KEY = 'idempotency_key_user_id_key_pk';
/** An answer is kept a day: long enough for any client retry. */
export const KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** A key without an answer (written by an earlier version) is free again after this. */
const UNANSWERED_TTL_MS = 60_000;
/** Rounds of "the key was taken, but by an answer that has since expired or gone". */
const MAX_ROUNDS = 3;

/** The request's fingerprint: canonical JSON (sorted keys; iterative, depth-bounded: a too deep body is a 400). */
export function hashRequest(body: unknown): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(canonicalJson(body ?? null))));
}

/** Whether `key` may be an idempotency key (8 to 128 of A–Z, a–z, 0–9, '.', '_', ':', '-'). */
export function isKey(key: string | null): key is string {
	return key !== null && KEY_PATTERN.test(key);
}

export function checkKey(key: string | null): string {
	if (!isKey(key)) throw new ValidationError([{ rule: 'Idempotency-Key', messageKey: 'idempotency_key_invalid' }]);
	return key;
}

/**
 * Answer once per (user, key): the first answer written wins, and every request with the key
 * (before, during or after) gets that answer; the same key with another body is refused.
 *
 * There is no separate "claim" round trip. The work writes the key together with its effect
 * (`claim.insert` inside the booking's own statement or transaction), so the database decides
 * between simultaneous requests: the primary key lets one through, the others' statements fail
 * whole, nothing of theirs stays, and they return the winner's answer. Work that changes nothing
 * (a refusal) returns its answer, and `once` keeps it unless another answer got there first.
 * A crash mid-way leaves nothing behind: no half-claimed key to wait for.
 *
 * The price: a retry of a request that was already answered does its work again before it meets
 * the key (its writes then fail). For a booking that is a few queries (the clash it hits, the
 * alternatives), paid only by retries; the answer is still the first one.
 */
export async function once(userId: string, key: string, requestHash: string, work: (claim: Claim) => Promise<WorkAnswer>): Promise<StoredAnswer> {
	for (let round = 1; ; round++) {
		const now = clock.now();
		const insert = (answer: StoredAnswer) =>
			sql`insert into ${idempotencyKey} (user_id, key, request_hash, status_code, response, created_at)
			    values (${userId}::uuid, ${key}, ${requestHash}, ${answer.status}, ${JSON.stringify(answer)}::jsonb, ${instant(now)})`;
		try {
			const { kept, ...answer } = await work({ insert });
			if (kept) return answer;
			const inserted = rowsOf(await db.execute(sql`${insert(answer)} on conflict do nothing returning 1 as kept`));
			if (inserted.length) return answer;
		} catch (error) {
			if (!(error instanceof KeyTaken) && !isUniqueViolation(error, PRIMARY_KEY)) throw error;
		}
		// Another answer holds the key: give it back, unless it has expired (then take the key over).
		const first = await storedAnswer(userId, key, requestHash, now);
		if (first) return first;
		if (round >= MAX_ROUNDS) throw new ConflictError('idempotency_in_progress');
	}
}

/** The answer kept for (user, key), or null when there is none any more (expired ones are removed). */
async function storedAnswer(userId: string, key: string, requestHash: string, now: Date): Promise<StoredAnswer | null> {
	const [row] = await db
		.select()
		.from(idempotencyKey)
		.where(and(eq(idempotencyKey.userId, userId), eq(idempotencyKey.key, key)));
	if (!row) return null;
	if (now.getTime() - row.createdAt.getTime() > KEY_TTL_MS) {
		await db
			.delete(idempotencyKey)
			.where(and(eq(idempotencyKey.userId, userId), eq(idempotencyKey.key, key), lt(idempotencyKey.createdAt, new Date(now.getTime() - KEY_TTL_MS))));
		return null;
	}
	if (row.statusCode == null) {
		// Only an earlier version wrote a key before its answer. Its request is long over, or
		// crashed: after a minute the key is free again.
		if (now.getTime() - row.createdAt.getTime() <= UNANSWERED_TTL_MS) throw new ConflictError('idempotency_in_progress');
		await db
			.delete(idempotencyKey)
			.where(and(eq(idempotencyKey.userId, userId), eq(idempotencyKey.key, key), isNull(idempotencyKey.statusCode)));
		return null;
	}
	if (row.requestHash !== requestHash) throw new ConflictError('idempotency_key_reused');
	return row.response as StoredAnswer;
}
