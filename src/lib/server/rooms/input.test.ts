import { describe, expect, it } from 'vitest';
import { parseBookingInput } from './input';

const valid = {
	roomId: '0b9c6f0e-4f6a-4f1e-9d53-3d9a0a6b1c11',
	start: '2026-11-24T10:00:00+09:00',
	end: '2026-11-24T11:00:00+09:00',
	purpose: '학년 협의회',
	attendees: 12
};

describe('parseBookingInput', () => {
	it('accepts ISO 8601 times with an offset', () => {
		const { value } = parseBookingInput(valid);
		expect(value?.start.toISOString()).toBe('2026-11-24T01:00:00.000Z');
	});

	it('refuses times without an offset, which would depend on the server zone', () => {
		expect(parseBookingInput({ ...valid, start: '2026-11-24T10:00:00' }).violations).toEqual([
			{ rule: 'start', messageKey: 'booking_time_invalid' }
		]);
	});

	it('lists every problem at once', () => {
		const { value, violations } = parseBookingInput({ roomId: 'x', start: valid.end, end: valid.start, purpose: ' ', attendees: 0 });
		expect(value).toBeNull();
		expect(violations.map((v) => v.rule)).toEqual(['roomId', 'end', 'purpose', 'attendees']);
	});

	it('checks the recurrence too', () => {
		expect(parseBookingInput({ ...valid, recurrence: { frequency: 'weekly' } }).violations[0]?.messageKey).toBe(
			'recurrence_until_or_count'
		);
		expect(parseBookingInput({ ...valid, recurrence: { frequency: 'weekly', count: 4 } }).value?.recurrence).toEqual({
			kind: 'weekly',
			interval: 1,
			count: 4
		});
	});
});
