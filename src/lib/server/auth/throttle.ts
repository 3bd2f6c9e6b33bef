import { inArray, sql } from 'drizzle-orm';
import * as clock from '../clock';
import { db } from '../db';
import { loginThrottle } from '../db/schema';
import { instant } from '../db/sql';

const MINUTE_MS = 60_000;
/** Failures are counted within this window; it starts again after a quiet window. */
export const THROTTLE_WINDOW_MS = 15 * MINUTE_MS;
/** Per e-mail address: this many failures are free, then each one waits twice as long. */
export const EMAIL_FREE_FAILURES = 3;
export const EMAIL_LOCK_FAILURES = 10;
/** Per client address: a higher bar, since offices share one address. */
export const IP_LOCK_FAILURES = 50;
export const LOCK_MS = 15 * MINUTE_MS;

export type ThrottleKey = `email:${string}` | `ip:${string}`;

export function keysFor(email: string, ip: string | null): ThrottleKey[] {
	const keys: ThrottleKey[] = [`email:${email}`];
	if (ip) keys.push(`ip:${ip}`);
	return keys;
}

/** How long a key stays locked after its n-th failure in the window (0 = not locked). */
export function lockDurationMs(key: ThrottleKey, failures: number): number {
	if (key.startsWith('ip:')) return failures >= IP_LOCK_FAILURES ? LOCK_MS : 0;
	if (failures >= EMAIL_LOCK_FAILURES) return LOCK_MS;
	if (failures <= EMAIL_FREE_FAILURES) return 0;
	// 2 s, 4 s, 8 s ... 64 s: slows guessing long before the lock.
	return 1000 * 2 ** (failures - EMAIL_FREE_FAILURES);
}

/** Seconds until the keys may try again, or 0 when they may try now. */
export async function retryAfterSeconds(keys: ThrottleKey[]): Promise<number> {
	const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
	const nowMs = clock.now().getTime();
	const waitMs = Math.max(0, ...rows.map((r) => (r.lockedUntil ? r.lockedUntil.getTime() - nowMs : 0)));
	return Math.ceil(waitMs / 1000);
}

export async function recordFailure(keys: ThrottleKey[]): Promise<void> {
	const at = clock.now();
	const windowStart = new Date(at.getTime() - THROTTLE_WINDOW_MS);
	for (const key of keys) {
		// One atomic upsert: concurrent failures each count.
		const [row] = await db
			.insert(loginThrottle)
			.values({ key, failures: 1, windowStartedAt: at })
			.onConflictDoUpdate({
				target: loginThrottle.key,
				set: {
					failures: sql`case when ${loginThrottle.windowStartedAt} < ${instant(windowStart)} then 1 else ${loginThrottle.failures} + 1 end`,
					windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${instant(windowStart)} then ${instant(at)} else ${loginThrottle.windowStartedAt} end`
				}
			})
			.returning({ failures: loginThrottle.failures });
		const lockMs = lockDurationMs(key, row!.failures);
		if (lockMs > 0) {
			// greatest(): a slower concurrent failure with a lower count must not shorten a lock.
			const until = instant(new Date(at.getTime() + lockMs));
			await db
				.update(loginThrottle)
				.set({ lockedUntil: sql`greatest(coalesce(${loginThrottle.lockedUntil}, ${until}), ${until})` })
				.where(sql`${loginThrottle.key} = ${key}`);
		}
	}
}

/** A successful sign-in clears the account's counter (not the address's). */
export async function clear(key: ThrottleKey): Promise<void> {
	await db.delete(loginThrottle).where(sql`${loginThrottle.key} = ${key}`);
}
