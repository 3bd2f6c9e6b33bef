import { describe, expect, it } from 'vitest';
import { checkBooking } from './index';
import { at, booking, context } from './test-context';

describe('checkBooking', () => {
	it('accepts a plain weekday booking', () => {
		expect(checkBooking(context())).toEqual([]);
	});

	it('lists every broken rule at once', () => {
		const ctx = context({
			now: at('2026-11-28', '09:00'),
			request: booking('2026-11-28', '08:15', '08:20', 99)
		});
		expect(checkBooking(ctx).map((v) => v.messageKey)).toEqual([
			'rule_in_past',
			'rule_closed_day',
			'rule_granularity',
			'rule_too_short',
			'rule_capacity'
		]);
	});
});
