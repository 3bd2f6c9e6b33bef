import { describe, expect, it } from 'vitest';
import { checkLeadTime } from './lead-time';
import { at, booking, context } from './test-context';

describe('checkLeadTime', () => {
	it('accepts a start exactly one lead time from now', () => {
		expect(checkLeadTime(context({ now: at('2026-11-24', '09:00'), request: booking('2026-11-24', '10:00', '11:00') }))).toEqual([]);
	});

	it('refuses a start one minute inside the lead time', () => {
		expect(checkLeadTime(context({ now: at('2026-11-24', '09:01'), request: booking('2026-11-24', '10:00', '11:00') }))).toEqual([
			{ rule: 'lead_time', messageKey: 'rule_lead_time', params: { leadMinutes: 60 } }
		]);
	});

	it('says "in the past" for a start already gone', () => {
		expect(checkLeadTime(context({ now: at('2026-11-24', '10:01'), request: booking('2026-11-24', '10:00', '11:00') }))).toEqual([
			{ rule: 'lead_time', messageKey: 'rule_in_past' }
		]);
	});
});
