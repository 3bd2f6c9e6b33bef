import { inArray, sql } from 'drizzle-orm';
import * as clock from '../clock';
import { db } from '../db';
import { loginThrottle } from '../db/schema';
import { instant } from '../db/sql';

const MINUTE_MS = 60_000;
/** Attempts are counted within this window; it starts again once it has passed. */
export const THROTTLE_WINDOW_MS = 15 * MINUTE_MS;
/** Per e-mail address: this many failures are free, then each one waits twice as long. */
export const EMAIL_FREE_FAILURES = 3;
export const EMAIL_LOCK_FAILURES = 10;
/**
 * Per client address. A school or an office is one address behind NAT, so reaching this does
 * not lock the address: it is "guarded" — each account gets GUARDED_ACCOUNT_ATTEMPTS tries
 * from it per window instead of EMAIL_LOCK_FAILURES, and a correct password for an account
 * that has not been failing still signs in.
 */
export const IP_GUARD_FAILURES = 50;
/** From a guarded address: the right password, or one typo and then the right password. */
export const GUARDED_ACCOUNT_ATTEMPTS = 2;
/**
 * Per client address, the hard bar: checked (argon2) failures in a window before the address is
 * refused outright. Bounds the hashing work one address can cause (about one every two seconds)
 * and lies far beyond what a school's or a training hall's staff mistype in 15 minutes.
 */
export const IP_HARD_FAILURES = 500;
export const LOCK_MS = 15 * MINUTE_MS;

export type ThrottleKey = `email:${string}` | `ip:${string}`;

export function keysFor(email: string, ip: string | null): ThrottleKey[] {
	const keys: ThrottleKey[] = [`email:${email}`];
	if (ip) keys.push(`ip:${ip}`);
	return keys;
}

/** How long a key stays locked after its n-th failure in the window (0 = not locked). */
export function lockDurationMs(key: ThrottleKey, failures: number): number {
	if (key.startsWith('ip:')) return failures >= IP_HARD_FAILURES ? LOCK_MS : 0;
	if (failures >= EMAIL_LOCK_FAILURES) return LOCK_MS;
	if (failures <= EMAIL_FREE_FAILURES) return 0;
	// 2 s, 4 s, 8 s ... 64 s: slows guessing long before the lock.
	return 1000 * 2 ** (failures - EMAIL_FREE_FAILURES);
}

/** The most attempts a key may have in its window, this one included. */
function attemptLimit(key: ThrottleKey): number {
	return key.startsWith('ip:') ? IP_HARD_FAILURES : EMAIL_LOCK_FAILURES;
}

/** Seconds until the keys may try again, or 0 when they may try now. */
export async function retryAfterSeconds(keys: ThrottleKey[]): Promise<number> {
	const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
	const nowMs = clock.now().getTime();
	const waitMs = Math.max(0, ...rows.map((r) => (r.lockedUntil ? r.lockedUntil.getTime() - nowMs : 0)));
	return Math.ceil(waitMs / 1000);
}

interface Counted {
	/** Attempts in the window, this one included. */
	attempts: number;
	windowStartedAt: Date;
}

/**
 * Counts one attempt on a key in one atomic upsert, unless the key is locked (then null: not
 * counted). Simultaneous attempts each get their own number, so a limit on the number holds
 * however many guesses arrive at once.
 */
async function count(key: ThrottleKey, at: Date, evenWhenLocked = false): Promise<Counted | null> {
	const windowStart = instant(new Date(at.getTime() - THROTTLE_WINDOW_MS));
	const windowOver = sql`${loginThrottle.windowStartedAt} < ${windowStart}`;
	const [row] = await db
		.insert(loginThrottle)
		.values({ key, failures: 1, windowStartedAt: at })
		.onConflictDoUpdate({
			target: loginThrottle.key,
			set: {
				failures: sql`case when ${windowOver} then 1 else ${loginThrottle.failures} + 1 end`,
				windowStartedAt: sql`case when ${windowOver} then ${instant(at)} else ${loginThrottle.windowStartedAt} end`
			},
			...(evenWhenLocked ? {} : { setWhere: sql`${loginThrottle.lockedUntil} is null or ${loginThrottle.lockedUntil} <= ${instant(at)}` })
		})
		.returning({ attempts: loginThrottle.failures, windowStartedAt: loginThrottle.windowStartedAt });
	return row ?? null;
}

/** Locks a key for what its n-th failure costs; greatest(): a slower attempt never shortens a lock. */
async function lockAfter(key: ThrottleKey, attempts: number, at: Date): Promise<void> {
	const lockMs = lockDurationMs(key, attempts);
	if (lockMs <= 0) return;
	const until = instant(new Date(at.getTime() + lockMs));
	await db
		.update(loginThrottle)
		.set({ lockedUntil: sql`greatest(coalesce(${loginThrottle.lockedUntil}, ${until}), ${until})` })
		.where(sql`${loginThrottle.key} = ${key}`);
}

/** Gives back an attempt that turned out not to be a failure (a correct password, or not checked). */
async function refund(key: ThrottleKey): Promise<void> {
	await db
		.update(loginThrottle)
		.set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
		.where(sql`${loginThrottle.key} = ${key}`);
}

export type Attempt =
	| { allowed: true; email: ThrottleKey; ip: ThrottleKey | null; ipAttempts: number }
	| { allowed: false; retryAfterSeconds: number };

const secondsUntil = (instantMs: number, at: Date) => Math.max(1, Math.ceil((instantMs - at.getTime()) / 1000));

/**
 * Before a password is checked: count the attempt (address first, then account), so the
 * limits hold under simultaneous guesses. An allowed attempt must end in `succeeded` or
 * `failed`. A refused one is not checked at all (no hashing work).
 */
export async function begin(email: string, ip: string | null): Promise<Attempt> {
	const at = clock.now();
	const [emailKey, ipKey = null] = keysFor(email, ip);
	let ipCounted: Counted | null = null;
	if (ipKey) {
		ipCounted = await count(ipKey, at);
		if (!ipCounted || ipCounted.attempts > attemptLimit(ipKey)) {
			if (ipCounted) await refund(ipKey);
			return { allowed: false, retryAfterSeconds: Math.max(1, await retryAfterSeconds([ipKey])) };
		}
	}
	const refuse = async (retry: number): Promise<Attempt> => {
		if (ipKey) await refund(ipKey);
		return { allowed: false, retryAfterSeconds: retry };
	};
	const emailCounted = await count(emailKey!, at);
	if (!emailCounted || emailCounted.attempts > attemptLimit(emailKey!))
		return refuse(Math.max(1, await retryAfterSeconds([emailKey!])));
	// As if this attempt fails; a success clears the account's counter and its lock.
	await lockAfter(emailKey!, emailCounted.attempts, at);
	const guarded = ipCounted !== null && ipCounted.attempts > IP_GUARD_FAILURES;
	if (guarded && emailCounted.attempts > GUARDED_ACCOUNT_ATTEMPTS) {
		// The account may try again when its window or the address's ends, whichever is first.
		const ends = Math.min(emailCounted.windowStartedAt.getTime(), ipCounted!.windowStartedAt.getTime()) + THROTTLE_WINDOW_MS;
		return refuse(secondsUntil(ends, at));
	}
	return { allowed: true, email: emailKey!, ip: ipKey, ipAttempts: ipCounted?.attempts ?? 0 };
}

/** The password was right: the account starts afresh; the address gets its attempt back. */
export async function succeeded(attempt: Extract<Attempt, { allowed: true }>): Promise<void> {
	await clear(attempt.email);
	if (attempt.ip) await refund(attempt.ip);
}

/** The password was wrong: the attempt stays counted; the address locks at its hard bar. */
export async function failed(attempt: Extract<Attempt, { allowed: true }>): Promise<void> {
	if (attempt.ip) await lockAfter(attempt.ip, attempt.ipAttempts, clock.now());
}

/** Counts failures that happened elsewhere (none is lost, locked or not) and locks as they cost. */
export async function recordFailure(keys: ThrottleKey[]): Promise<void> {
	const at = clock.now();
	for (const key of keys) {
		const counted = await count(key, at, true);
		if (counted) await lockAfter(key, counted.attempts, at);
	}
}

/** A successful sign-in clears the account's counter (not the address's). */
export async function clear(key: ThrottleKey): Promise<void> {
	await db.delete(loginThrottle).where(sql`${loginThrottle.key} = ${key}`);
}
