import { describe, expect, it } from 'vitest';
import { checkQuota } from './quota';
import { booking, context } from './test-context';

describe('checkQuota', () => {
	const base = context({ request: booking('2026-11-24', '10:00', '12:00') });
	const withQuota = { ...base.rules, monthlyQuotaMinutes: 600 };

	it('accepts a booking that uses the last of the monthly hours', () => {
		expect(checkQuota({ ...base, rules: withQuota, quotaUsedMinutes: 480 })).toEqual([]);
	});

	it('refuses a booking that goes past them and says what is left', () => {
		expect(checkQuota({ ...base, rules: withQuota, quotaUsedMinutes: 510 })).toEqual([
			{ rule: 'quota', messageKey: 'rule_quota', params: { quotaMinutes: 600, remainingMinutes: 90 } }
		]);
	});

	it('does not count staff bookings, which belong to no school', () => {
		expect(
			checkQuota({ ...base, rules: withQuota, quotaUsedMinutes: 9999, actor: { role: 'facility_manager', schoolId: null } })
		).toEqual([]);
	});
});
