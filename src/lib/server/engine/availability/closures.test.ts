import { describe, expect, it } from 'vitest';
import { checkClosures } from './closures';
import { at, booking, context } from './test-context';

const maintenance = { startsAt: at('2026-11-24', '11:00'), endsAt: at('2026-11-24', '13:00'), reason: '냉난방 점검' };

describe('checkClosures', () => {
	it('refuses a booking overlapping a closure and says when and why', () => {
		expect(checkClosures(context({ closures: [maintenance], request: booking('2026-11-24', '10:30', '11:30') }))).toEqual([
			{ rule: 'closure', messageKey: 'rule_closure', params: { from: '2026-11-24T02:00:00.000Z', to: '2026-11-24T04:00:00.000Z', reason: '냉난방 점검' } }
		]);
	});

	it('accepts a booking that ends when the closure starts', () => {
		expect(checkClosures(context({ closures: [maintenance], request: booking('2026-11-24', '10:00', '11:00') }))).toEqual([]);
	});

	it('accepts a booking that starts when the closure ends', () => {
		expect(checkClosures(context({ closures: [maintenance], request: booking('2026-11-24', '13:00', '14:00') }))).toEqual([]);
	});
});
