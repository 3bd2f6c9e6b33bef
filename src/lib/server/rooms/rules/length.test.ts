import { describe, expect, it } from 'vitest';
import { checkLength } from './length';
import { booking, context } from './test-context';

describe('checkLength', () => {
	it('accepts exactly the minimum and exactly the maximum', () => {
		expect(checkLength(context({ request: booking('2026-11-24', '10:00', '10:30') }))).toEqual([]);
		expect(checkLength(context({ request: booking('2026-11-24', '10:00', '14:00') }))).toEqual([]);
	});

	it('refuses shorter than the minimum and longer than the maximum', () => {
		expect(checkLength(context({ request: booking('2026-11-24', '10:00', '10:29') }))[0]?.messageKey).toBe('rule_too_short');
		expect(checkLength(context({ request: booking('2026-11-24', '10:00', '14:01') }))[0]?.messageKey).toBe('rule_too_long');
	});
});
