import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as login from '../../src/lib/server/auth/login';
import * as sessions from '../../src/lib/server/auth/sessions';
import * as throttle from '../../src/lib/server/auth/throttle';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { appUser, auditLog, session } from '../../src/lib/server/db/schema';
import * as users from '../../src/lib/server/users';
import { actor, DEMO_PASSWORD, seedDemoCenter } from './fixtures';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

beforeAll(seedDemoCenter);

async function signIn(email: string, password = DEMO_PASSWORD, ip: string | null = null) {
	return login.signIn({ email, password, ip });
}

async function signedIn(email: string) {
	const result = await signIn(email);
	if (!result.ok) throw new Error(`could not sign in ${email}`);
	return result;
}

describe('sign-in', () => {
	it('opens a session for the right password, whatever the case and spaces of the e-mail', async () => {
		const result = await signIn('  School@Center.TEST ');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const valid = await sessions.validate(result.token);
		expect(valid?.user.email).toBe('school@center.test');
	});

	it('answers a wrong password and an unknown address the same way', async () => {
		const wrong = await signIn('edu@center.test', 'not-the-password', '10.0.0.1');
		const unknown = await signIn('nobody@center.test', 'not-the-password', '10.0.0.1');
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
	});

	it('stores only a hash of the token secret, never the token, and a new token at every sign-in', async () => {
		const first = await signedIn('visits@center.test');
		const second = await signedIn('visits@center.test');
		expect(first.token).not.toBe(second.token);
		const [id, secret] = first.token.split('.');
		// 25 random bytes in base32: at least 20 bytes of secret.
		expect(secret!.length).toBeGreaterThanOrEqual(32);
		const [row] = await db.select().from(session).where(eq(session.id, id!));
		expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(row)).not.toContain(secret);
	});

	it('refuses a token whose secret half was altered', async () => {
		const { token } = await signedIn('visits@center.test');
		const [id, secret] = token.split('.');
		const altered = `${id}.${secret!.slice(0, -1)}${secret!.endsWith('a') ? 'b' : 'a'}`;
		expect(await sessions.validate(altered)).toBeNull();
		expect(await sessions.validate('garbage')).toBeNull();
	});

	it('records each sign-in in the audit log', async () => {
		const { userId } = await signedIn('admin-support@center.test');
		const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, userId));
		expect(rows.some((r) => r.action === 'auth.sign_in')).toBe(true);
	});
});

describe('throttling', () => {
	it('lets three failures pass, then makes the account wait, then refuses it for 15 minutes after ten', async () => {
		clock.freeze(new Date('2026-11-24T01:00:00Z'));
		const email = 'facility-support@center.test';
		for (let i = 0; i < 3; i++) expect(await signIn(email, 'wrong')).toEqual({ ok: false, reason: 'invalid' });
		expect(await signIn(email)).toMatchObject({ ok: true });

		for (let i = 0; i < 4; i++) {
			await signIn(email, 'wrong');
			clock.advance(MINUTE);
		}
		// The 4th failure in the window costs a wait, even with the right password.
		const slowed = await signIn(email, 'wrong');
		expect(slowed).toMatchObject({ ok: false, reason: 'invalid' });
		const refused = await signIn(email);
		expect(refused).toMatchObject({ ok: false, reason: 'throttled' });

		for (let failures = 5; failures < throttle.EMAIL_LOCK_FAILURES; failures++) {
			clock.advance(2 * MINUTE);
			await signIn(email, 'wrong');
		}
		clock.advance(2 * MINUTE);
		const locked = await signIn(email);
		expect(locked).toMatchObject({ ok: false, reason: 'throttled' });
		if (!locked.ok && locked.reason === 'throttled') expect(locked.retryAfterSeconds).toBeGreaterThan(10 * 60);

		clock.advance(throttle.LOCK_MS);
		expect(await signIn(email)).toMatchObject({ ok: true });
	});

	it('after many failures from one client address, refuses further guesses at a failing account but still signs in a correct password (a school behind one NAT)', async () => {
		clock.freeze(new Date('2026-11-24T02:00:00Z'));
		const ip = '203.0.113.7';
		for (let i = 0; i < throttle.IP_GUARD_FAILURES; i++) await signIn(`guess${i}@center.test`, 'wrong', ip);
		// The address is guarded now: a colleague who types the right password still gets in.
		expect(await signIn('mediation@center.test', DEMO_PASSWORD, ip)).toMatchObject({ ok: true });
		// An account gets two tries from the guarded address, then is refused there without a check.
		const email = 'facility-support@center.test';
		expect(await signIn(email, 'wrong', ip)).toEqual({ ok: false, reason: 'invalid' });
		expect(await signIn(email, 'wrong-again', ip)).toEqual({ ok: false, reason: 'invalid' });
		expect(await signIn(email, DEMO_PASSWORD, ip)).toMatchObject({ ok: false, reason: 'throttled' });
		// From elsewhere the account is only as throttled as its own failures say.
		expect(await signIn(email, DEMO_PASSWORD, '203.0.113.8')).toMatchObject({ ok: true });
	});

	it(`refuses one client address outright after ${throttle.IP_HARD_FAILURES} checked failures, bounding the hashing work it can cause`, async () => {
		clock.freeze(new Date('2026-11-24T02:30:00Z'));
		const ip = '203.0.113.9';
		for (let i = 0; i < throttle.IP_HARD_FAILURES - 1; i++) await throttle.recordFailure([`ip:${ip}`]);
		expect(await signIn('nobody-1@center.test', 'wrong', ip)).toEqual({ ok: false, reason: 'invalid' });
		const refused = await signIn('visits@center.test', DEMO_PASSWORD, ip);
		expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
		if (!refused.ok && refused.reason === 'throttled') expect(refused.retryAfterSeconds).toBeGreaterThan(10 * 60);
		// Once the lock and the window have passed, the address starts afresh.
		clock.advance(throttle.LOCK_MS + MINUTE);
		expect(await signIn('visits@center.test', DEMO_PASSWORD, ip)).toMatchObject({ ok: true });
	});

	it('counts concurrent failures without losing any', async () => {
		clock.freeze(new Date('2026-11-24T03:00:00Z'));
		const keys = throttle.keysFor('race@center.test', null);
		await Promise.all(Array.from({ length: 12 }, () => throttle.recordFailure(keys)));
		expect(await throttle.retryAfterSeconds(keys)).toBeGreaterThan(10 * 60);
	});
});

describe('session lifetime', () => {
	it('keeps a school session 30 days and renews it once half is used', async () => {
		clock.freeze(new Date('2026-11-01T00:00:00Z'));
		const { token, session: created } = await signedIn('school@center.test');
		expect(created.expiresAt.getTime() - clock.now().getTime()).toBe(30 * DAY);
		expect(created.absoluteExpiresAt).toBeNull();

		clock.advance(14 * DAY);
		expect((await sessions.validate(token))?.renewed).toBe(false);
		clock.advance(2 * DAY);
		const renewed = await sessions.validate(token);
		expect(renewed?.renewed).toBe(true);
		expect(renewed!.session.expiresAt.getTime() - clock.now().getTime()).toBe(30 * DAY);

		clock.advance(30 * DAY);
		expect(await sessions.validate(token)).toBeNull();
	});

	it('signs staff out after 30 idle minutes, and activity keeps them in', async () => {
		clock.freeze(new Date('2026-11-02T00:00:00Z'));
		const { token } = await signedIn('edu@center.test');
		clock.advance(20 * MINUTE);
		expect(await sessions.validate(token)).not.toBeNull();
		clock.advance(29 * MINUTE);
		expect(await sessions.validate(token)).not.toBeNull();
		clock.advance(30 * MINUTE);
		expect(await sessions.validate(token)).toBeNull();
	});

	it('signs staff out 12 hours after sign-in even when they stay active', async () => {
		clock.freeze(new Date('2026-11-03T00:00:00Z'));
		const { token } = await signedIn('facility@center.test');
		for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
			clock.advance(20 * MINUTE);
			expect(await sessions.validate(token), `after ${elapsed + 20} minutes`).not.toBeNull();
		}
		clock.advance(20 * MINUTE);
		expect(await sessions.validate(token)).toBeNull();
	});
});

describe('ending sessions', () => {
	it("sign-out ends every session of the user and no one else's", async () => {
		const a = await signedIn('visits@center.test');
		const b = await signedIn('visits@center.test');
		const other = await signedIn('school@center.test');
		await login.signOut(a.userId);
		expect(await sessions.validate(a.token)).toBeNull();
		expect(await sessions.validate(b.token)).toBeNull();
		expect(await sessions.validate(other.token)).not.toBeNull();
	});

	it('a password change ends every session and opens a new one with the new password', async () => {
		const a = await signedIn('admin-support@center.test');
		const b = await signedIn('admin-support@center.test');
		const fresh = await users.changePassword(a.userId, DEMO_PASSWORD, 'a-much-better-passphrase');
		expect(await sessions.validate(a.token)).toBeNull();
		expect(await sessions.validate(b.token)).toBeNull();
		expect(await sessions.validate(fresh.token)).not.toBeNull();
		expect(await signIn('admin-support@center.test')).toMatchObject({ ok: false });
		expect(await signIn('admin-support@center.test', 'a-much-better-passphrase')).toMatchObject({ ok: true });
	});

	it('a password change lists every problem at once and changes nothing', async () => {
		const { userId, token } = await signedIn('mediation@center.test');
		const error = await users.changePassword(userId, 'wrong-current', 'short').catch((e: unknown) => e);
		expect(error).toMatchObject({
			violations: [
				{ rule: 'currentPassword', messageKey: 'password_current_wrong' },
				{ rule: 'newPassword', messageKey: 'password_too_short' }
			]
		});
		expect(await sessions.validate(token)).not.toBeNull();
	});

	it('deactivation ends every session and refuses sign-in', async () => {
		const admin = await actor('admin@center.test');
		const target = await signedIn('facility@center.test');
		await users.setActive(admin, target.userId, false);
		expect(await sessions.validate(target.token)).toBeNull();
		expect(await signIn('facility@center.test')).toEqual({ ok: false, reason: 'invalid' });
		await users.setActive(admin, target.userId, true);
		expect(await signIn('facility@center.test')).toMatchObject({ ok: true });
		const [row] = await db.select().from(appUser).where(eq(appUser.id, target.userId));
		expect(row!.active).toBe(true);
	});
});
