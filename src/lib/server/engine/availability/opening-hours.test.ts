import { describe, expect, it } from 'vitest';
import { checkOpeningHours } from './opening-hours';
import { booking, context } from './test-context';

describe('checkOpeningHours', () => {
	it('accepts a booking from opening to closing exactly', () => {
		expect(checkOpeningHours(context({ request: booking('2026-11-24', '09:00', '18:00') }))).toEqual([]);
	});

	it('refuses a booking that runs across closing time by one minute', () => {
		expect(checkOpeningHours(context({ request: booking('2026-11-24', '17:00', '18:01') }))).toEqual([
			{ rule: 'opening_hours', messageKey: 'rule_outside_hours', params: { opens: '09:00', closes: '18:00' } }
		]);
	});

	it('refuses a booking that starts before opening', () => {
		expect(checkOpeningHours(context({ request: booking('2026-11-24', '08:30', '10:00') }))).toHaveLength(1);
	});

	it('refuses a Saturday, which has no hours', () => {
		expect(checkOpeningHours(context({ request: booking('2026-11-28', '10:00', '11:00') }))).toEqual([
			{ rule: 'opening_hours', messageKey: 'rule_closed_day', params: { date: '2026-11-28' } }
		]);
	});

	it('accepts a booking ending at midnight when the room is open until 24:00', () => {
		const late = context({
			openingHours: [{ weekday: 2, opensMinute: 1080, closesMinute: 1440 }],
			request: booking('2026-11-24', '22:00', '23:00')
		});
		expect(checkOpeningHours({ ...late, request: { ...late.request, end: new Date(late.request.end.getTime() + 3_600_000) } })).toEqual([]);
	});
});
