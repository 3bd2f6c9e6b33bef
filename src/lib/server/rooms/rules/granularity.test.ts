import { describe, expect, it } from 'vitest';
import { checkGranularity } from './granularity';
import { booking, context } from './test-context';

describe('checkGranularity', () => {
	it('accepts times on the 30-minute grid', () => {
		expect(checkGranularity(context({ request: booking('2026-11-24', '10:30', '12:00') }))).toEqual([]);
	});

	it('refuses a start off the grid', () => {
		expect(checkGranularity(context({ request: booking('2026-11-24', '10:15', '11:00') }))).toEqual([
			{ rule: 'granularity', messageKey: 'rule_granularity', params: { stepMinutes: 30 } }
		]);
	});

	it('refuses seconds', () => {
		const ctx = context();
		expect(checkGranularity({ ...ctx, request: { ...ctx.request, end: new Date(ctx.request.end.getTime() + 1000) } })).toHaveLength(1);
	});
});
