import { describe, expect, it } from 'vitest';
import { moveInstants } from './move-form';

const values = (over: Partial<{ date: string; start: string; end: string }> = {}) => ({ date: '2031-03-14', start: '15:00', end: '17:00', roomId: '', ...over });

describe('moveInstants', () => {
	it('reads the date and 24-hour times on the Seoul wall clock', () => {
		const { start, end, problems } = moveInstants(values());
		expect(problems).toEqual([]);
		expect(start?.toISOString()).toBe('2031-03-14T06:00:00.000Z');
		expect(end?.toISOString()).toBe('2031-03-14T08:00:00.000Z');
	});

	it('refuses an impossible date instead of rolling it over', () => {
		expect(moveInstants(values({ date: '2031-02-29' })).problems).toEqual([{ rule: 'date', messageKey: 'input_date_invalid' }]);
	});

	it('names every bad field at once', () => {
		const { problems, start } = moveInstants(values({ date: 'x', start: '3 pm', end: '24:00' }));
		expect(start).toBeNull();
		expect(problems.map((p) => p.rule)).toEqual(['date', 'start', 'end']);
	});

	it('refuses an end that is not after the start', () => {
		expect(moveInstants(values({ start: '17:00', end: '17:00' })).problems).toEqual([{ rule: 'end', messageKey: 'booking_end_after_start' }]);
	});
});
