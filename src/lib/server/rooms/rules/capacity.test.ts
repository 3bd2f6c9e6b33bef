import { describe, expect, it } from 'vitest';
import { checkCapacity } from './capacity';
import { booking, context } from './test-context';

describe('checkCapacity', () => {
	it('accepts a full room and refuses one person more', () => {
		expect(checkCapacity(context({ request: booking('2026-11-24', '10:00', '11:00', 20) }))).toEqual([]);
		expect(checkCapacity(context({ request: booking('2026-11-24', '10:00', '11:00', 21) }))).toEqual([
			{ rule: 'capacity', messageKey: 'rule_capacity', params: { capacity: 20 } }
		]);
	});
});
