import { sqlState } from '../db/errors';

export const EXCLUSION_VIOLATION = '23P01';
/** Deadlock and serialization failure: the same request may well succeed when tried again. */
export const RETRYABLE = new Set(['40P01', '40001']);
export const MAX_ATTEMPTS = 4;

export function isOverlap(error: unknown): boolean {
	return sqlState(error) === EXCLUSION_VIOLATION;
}

/** Run `fn`, again a few times on deadlock or serialization failure. */
export async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fn();
		} catch (error) {
			const state = sqlState(error);
			if (!state || !RETRYABLE.has(state) || attempt >= MAX_ATTEMPTS) throw error;
			await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
		}
	}
}
