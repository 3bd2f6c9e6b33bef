import { describe, expect, it } from 'vitest';
import { checkHoliday } from './holidays';
import { booking, context } from './test-context';

const holidays = (date: string) => (date === '2026-12-25' ? ['기독탄신일'] : null);

describe('checkHoliday', () => {
	it('refuses a public holiday and names it', () => {
		expect(checkHoliday(context({ holidayNames: holidays, request: booking('2026-12-25', '10:00', '11:00') }))).toEqual([
			{ rule: 'holiday', messageKey: 'rule_holiday', params: { date: '2026-12-25', holiday: '기독탄신일' } }
		]);
	});

	it('accepts the day before', () => {
		expect(checkHoliday(context({ holidayNames: holidays, request: booking('2026-12-24', '10:00', '11:00') }))).toEqual([]);
	});

	it('accepts a holiday when the room opens on holidays', () => {
		const ctx = context({ holidayNames: holidays, request: booking('2026-12-25', '10:00', '11:00') });
		expect(checkHoliday({ ...ctx, rules: { ...ctx.rules, closedOnHolidays: false } })).toEqual([]);
	});
});
