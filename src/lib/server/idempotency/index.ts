import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, lt } from 'drizzle-orm';
import * as clock from '../clock';
import { db } from '../db';
import { idempotencyKey } from '../db/schema';
import { ConflictError, ValidationError } from '../errors';

export interface StoredAnswer {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
/** An answer is kept a day: long enough for any client retry. */
export const KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** A first request that never finished (crash) frees its key after this. */
const IN_PROGRESS_TTL_MS = 60_000;
const POLL_MS = 25;
const WAIT_MS = 20_000;

export function hashRequest(body: unknown): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify(body ?? null))));
}

export function checkKey(key: string | null): string {
	if (!key || !KEY_PATTERN.test(key)) throw new ValidationError([{ rule: 'Idempotency-Key', messageKey: 'idempotency_key_invalid' }]);
	return key;
}

/**
 * Run `answer` once per (user, key). The key is claimed by one atomic insert; a concurrent or
 * later request with the same key waits for and returns the first answer, success or refusal
 * alike. The same key with a different body is refused. `answer` returns what to send (the route
 * maps refusals to problem documents itself); if it throws, the key is freed.
 */
export async function once(userId: string, key: string, requestHash: string, answer: () => Promise<StoredAnswer>): Promise<StoredAnswer> {
	const now = clock.now();
	// One statement claims the key: a new row, or an expired one taken over.
	const claimed = await db
		.insert(idempotencyKey)
		.values({ userId, key, requestHash, createdAt: now })
		.onConflictDoUpdate({
			target: [idempotencyKey.userId, idempotencyKey.key],
			set: { requestHash, createdAt: now, statusCode: null, response: null },
			setWhere: lt(idempotencyKey.createdAt, new Date(now.getTime() - KEY_TTL_MS))
		})
		.returning({ key: idempotencyKey.key });

	if (claimed.length === 0) return waitForFirst(userId, key, requestHash);

	let result: StoredAnswer;
	try {
		result = await answer();
	} catch (error) {
		// No answer to keep (an unexpected failure): free the key so a retry can try again.
		await db.delete(idempotencyKey).where(and(eq(idempotencyKey.userId, userId), eq(idempotencyKey.key, key)));
		throw error;
	}
	await store(userId, key, result);
	return result;
}

async function store(userId: string, key: string, answer: StoredAnswer) {
	await db
		.update(idempotencyKey)
		.set({ statusCode: answer.status, response: answer })
		.where(and(eq(idempotencyKey.userId, userId), eq(idempotencyKey.key, key)));
}

async function waitForFirst(userId: string, key: string, requestHash: string): Promise<StoredAnswer> {
	const deadline = Date.now() + WAIT_MS;
	for (;;) {
		const [row] = await db
			.select()
			.from(idempotencyKey)
			.where(and(eq(idempotencyKey.userId, userId), eq(idempotencyKey.key, key)));
		if (row && row.requestHash !== requestHash) throw new ConflictError('idempotency_key_reused');
		if (row?.statusCode != null) return row.response as StoredAnswer;
		if (!row || Date.now() > deadline || clock.now().getTime() - row.createdAt.getTime() > IN_PROGRESS_TTL_MS)
			throw new ConflictError('idempotency_in_progress');
		await new Promise((r) => setTimeout(r, POLL_MS));
	}
}
