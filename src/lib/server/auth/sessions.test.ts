import { describe, expect, it } from 'vitest';
import {
	nextExpiry,
	SCHOOL_SESSION_MS,
	SCHOOL_SESSION_RENEW_BEFORE_MS,
	STAFF_ABSOLUTE_MS,
	STAFF_IDLE_MS,
	STAFF_TOUCH_AFTER_MS
} from './sessions';

const t0 = new Date('2026-11-24T00:00:00Z').getTime();
const at = (ms: number) => new Date(t0 + ms);

describe('nextExpiry for school users', () => {
	const current = { expiresAt: at(SCHOOL_SESSION_MS), absoluteExpiresAt: null };

	it('leaves the expiry alone while less than half is used', () => {
		expect(nextExpiry(current, 'school_user', at(SCHOOL_SESSION_RENEW_BEFORE_MS - 1))).toBeNull();
	});

	it('renews for another 30 days once half is used', () => {
		const now = SCHOOL_SESSION_MS - SCHOOL_SESSION_RENEW_BEFORE_MS;
		expect(nextExpiry(current, 'school_user', at(now))).toEqual(at(now + SCHOOL_SESSION_MS));
	});
});

describe('nextExpiry for staff', () => {
	const current = { expiresAt: at(STAFF_IDLE_MS), absoluteExpiresAt: at(STAFF_ABSOLUTE_MS) };

	it('writes at most once a minute', () => {
		expect(nextExpiry(current, 'admin', at(STAFF_TOUCH_AFTER_MS - 1))).toBeNull();
		expect(nextExpiry(current, 'admin', at(STAFF_TOUCH_AFTER_MS))).toEqual(at(STAFF_TOUCH_AFTER_MS + STAFF_IDLE_MS));
	});

	it('never goes past the 12-hour limit', () => {
		const late = { expiresAt: at(STAFF_ABSOLUTE_MS - 10 * 60_000), absoluteExpiresAt: at(STAFF_ABSOLUTE_MS) };
		expect(nextExpiry(late, 'department_staff', at(STAFF_ABSOLUTE_MS - 20 * 60_000))).toEqual(at(STAFF_ABSOLUTE_MS));
		const atLimit = { expiresAt: at(STAFF_ABSOLUTE_MS), absoluteExpiresAt: at(STAFF_ABSOLUTE_MS) };
		expect(nextExpiry(atLimit, 'department_staff', at(STAFF_ABSOLUTE_MS - 60_000))).toBeNull();
	});
});
