import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMinuteOfDay, formatTime } from './format';

// 2026-11-24 05:00 UTC is 14:00 in Seoul (UTC+9, no daylight saving).
const instant = new Date('2026-11-24T05:00:00Z');

describe('formatDateTime', () => {
	it('writes Korean dates the way people write them, in Seoul time', () => {
		expect(formatDateTime(instant, 'ko')).toBe('2026년 11월 24일 (화) 14:00');
	});

	it('writes English dates with the weekday, in Seoul time', () => {
		expect(formatDateTime(instant, 'en')).toBe('Tue, 24 Nov 2026, 14:00');
	});

	it('moves to the next Seoul day when UTC is still on the previous one', () => {
		expect(formatDate(new Date('2026-11-24T15:30:00Z'), 'ko')).toBe('2026년 11월 25일 (수)');
		expect(formatTime(new Date('2026-11-24T15:30:00Z'))).toBe('00:30');
	});

	it('accepts ISO strings the same as dates', () => {
		expect(formatDateTime('2026-11-24T14:00:00+09:00', 'ko')).toBe('2026년 11월 24일 (화) 14:00');
	});
});

describe('formatMinuteOfDay', () => {
	it('pads hours and minutes', () => {
		expect(formatMinuteOfDay(9 * 60)).toBe('09:00');
		expect(formatMinuteOfDay(18 * 60 + 5)).toBe('18:05');
	});
});
