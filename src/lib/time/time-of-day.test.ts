import { describe, expect, it } from 'vitest';
import { parseTimeOfDay } from './time-of-day';

describe('parseTimeOfDay', () => {
	it('refuses a time past midnight (24:01)', () => {
		expect(parseTimeOfDay('24:01')).toBeNull();
	});
});
