import { describe, expect, it } from 'vitest';
import { checkHorizon } from './horizon';
import { at, booking, context } from './test-context';

describe('checkHorizon', () => {
	const now = at('2026-11-24', '10:00');

	it('accepts a start exactly 90 days ahead', () => {
		expect(checkHorizon(context({ now, request: booking('2027-02-22', '10:00', '11:00') }))).toEqual([]);
	});

	it('refuses a start 90 days and one minute ahead', () => {
		expect(checkHorizon(context({ now: new Date(now.getTime() - 60_000), request: booking('2027-02-22', '10:00', '11:00') }))).toEqual([
			{ rule: 'horizon', messageKey: 'rule_horizon', params: { days: 90 } }
		]);
	});
});
