import { describe, expect, it } from 'vitest';
import { EMAIL_FREE_FAILURES, EMAIL_LOCK_FAILURES, IP_GUARD_FAILURES, IP_HARD_FAILURES, LOCK_MS, lockDurationMs } from './throttle';

describe('lockDurationMs', () => {
	it(`lets the first ${EMAIL_FREE_FAILURES} failures of an account pass without a wait`, () => {
		for (let n = 1; n <= EMAIL_FREE_FAILURES; n++) expect(lockDurationMs('email:a@b.kr', n)).toBe(0);
	});

	it('then doubles the wait with each failure', () => {
		expect(lockDurationMs('email:a@b.kr', EMAIL_FREE_FAILURES + 1)).toBe(2000);
		expect(lockDurationMs('email:a@b.kr', EMAIL_FREE_FAILURES + 2)).toBe(4000);
		expect(lockDurationMs('email:a@b.kr', EMAIL_LOCK_FAILURES - 1)).toBe(64_000);
	});

	it(`refuses the account for 15 minutes at ${EMAIL_LOCK_FAILURES} failures`, () => {
		expect(lockDurationMs('email:a@b.kr', EMAIL_LOCK_FAILURES)).toBe(LOCK_MS);
		expect(LOCK_MS).toBe(15 * 60_000);
	});

	it('gives a shared office address a much higher bar, and never locks it at the guard threshold', () => {
		expect(lockDurationMs('ip:10.0.0.1', IP_GUARD_FAILURES - 1)).toBe(0);
		expect(lockDurationMs('ip:10.0.0.1', IP_GUARD_FAILURES)).toBe(0);
		expect(lockDurationMs('ip:10.0.0.1', IP_HARD_FAILURES - 1)).toBe(0);
		expect(lockDurationMs('ip:10.0.0.1', IP_HARD_FAILURES)).toBe(LOCK_MS);
		expect(IP_HARD_FAILURES).toBeGreaterThan(IP_GUARD_FAILURES);
	});
});
