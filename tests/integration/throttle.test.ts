import { beforeAll, describe, expect, it } from 'vitest';
import * as login from '../../src/lib/server/auth/login';
import * as throttle from '../../src/lib/server/auth/throttle';
import * as clock from '../../src/lib/server/clock';
import { TooManyRequestsError, ValidationError } from '../../src/lib/server/errors';
import * as users from '../../src/lib/server/users';
import { DEMO_PASSWORD, seedDemoCenter } from './fixtures';

beforeAll(seedDemoCenter);

const signIn = (email: string, password: string, ip: string | null = null) => login.signIn({ email, password, ip });

describe('the sign-in limit under simultaneous guesses', () => {
	it(`checks at most ${throttle.EMAIL_LOCK_FAILURES} of 60 simultaneous wrong passwords against one account`, async () => {
		clock.freeze(new Date('2026-11-24T05:00:00Z'));
		const results = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn('visits@center.test', `wrong-${i}`)));
		const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
		const refused = results.filter((r) => !r.ok && r.reason === 'throttled').length;
		expect(checked).toBeGreaterThanOrEqual(1);
		expect(checked).toBeLessThanOrEqual(throttle.EMAIL_LOCK_FAILURES);
		expect(checked + refused).toBe(60);
		// The right password is refused too while the account waits.
		expect(await signIn('visits@center.test', DEMO_PASSWORD)).toMatchObject({ ok: false, reason: 'throttled' });
	});

	it('counts a correct password among simultaneous guesses as an attempt, then clears the account', async () => {
		clock.freeze(new Date('2026-11-24T06:00:00Z'));
		const results = await Promise.all([signIn('edu@center.test', DEMO_PASSWORD), signIn('edu@center.test', 'wrong'), signIn('edu@center.test', 'wrong')]);
		expect(results[0]).toMatchObject({ ok: true });
		expect(await throttle.retryAfterSeconds(['email:edu@center.test'])).toBe(0);
	});
});

describe('the current-password check of a password change', () => {
	it('is throttled like sign-in: after ten wrong current passwords even the right one is refused, and so is sign-in', async () => {
		clock.freeze(new Date('2026-11-24T07:00:00Z'));
		const { userId } = (await signIn('admin-support@center.test', DEMO_PASSWORD)) as { userId: string };
		for (let i = 0; i < throttle.EMAIL_LOCK_FAILURES; i++) {
			const error = await users.changePassword(userId, `wrong-${i}`, 'a-much-better-passphrase').catch((e: unknown) => e);
			expect(error, `attempt ${i + 1}`).toBeInstanceOf(ValidationError);
			// Past the waits (64 s at most) between failures, all within one 15-minute window.
			clock.advance(65_000);
		}
		const refused = await users.changePassword(userId, DEMO_PASSWORD, 'a-much-better-passphrase').catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(TooManyRequestsError);
		expect((refused as TooManyRequestsError).retryAfterSeconds).toBeGreaterThan(10 * 60);
		expect(await signIn('admin-support@center.test', DEMO_PASSWORD)).toMatchObject({ ok: false, reason: 'throttled' });
		clock.advance(throttle.LOCK_MS);
		await expect(users.changePassword(userId, DEMO_PASSWORD, 'a-much-better-passphrase')).resolves.toMatchObject({ token: expect.any(String) });
	});

	it('checks at most ten of 30 simultaneous wrong current passwords', async () => {
		clock.freeze(new Date('2026-11-24T08:00:00Z'));
		const { userId } = (await signIn('facility@center.test', DEMO_PASSWORD)) as { userId: string };
		const errors = await Promise.all(
			Array.from({ length: 30 }, (_, i) => users.changePassword(userId, `wrong-${i}`, 'a-much-better-passphrase').catch((e: unknown) => e))
		);
		const checked = errors.filter((e) => e instanceof ValidationError).length;
		expect(checked).toBeGreaterThanOrEqual(1);
		expect(checked).toBeLessThanOrEqual(throttle.EMAIL_LOCK_FAILURES);
		expect(errors.filter((e) => e instanceof TooManyRequestsError).length).toBe(30 - checked);
	});
});
