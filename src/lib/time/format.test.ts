import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enUS, ko } from 'date-fns/locale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDuration, formatMinuteOfDay, formatTime } from './format';

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

describe('fixed-offset formatting', () => {
	it('reads every instant from 2000 to 2100 as date-fns does in the IANA Asia/Seoul zone', () => {
		const from = Date.UTC(2000, 0, 1);
		const to = Date.UTC(2100, 0, 1);
		fc.assert(
			fc.property(fc.integer({ min: from, max: to }), (ms) => {
				const zoned = new TZDate(ms, 'Asia/Seoul');
				expect(formatDateTime(ms, 'ko')).toBe(format(zoned, 'yyyy년 M월 d일 (EEE) HH:mm', { locale: ko }));
				expect(formatDateTime(ms, 'en')).toBe(format(zoned, 'EEE, d MMM yyyy, HH:mm', { locale: enUS }));
				expect(formatDate(ms, 'ko')).toBe(format(zoned, 'yyyy년 M월 d일 (EEE)', { locale: ko }));
				expect(formatTime(ms)).toBe(format(zoned, 'HH:mm'));
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('formatMinuteOfDay', () => {
	it('pads hours and minutes', () => {
		expect(formatMinuteOfDay(9 * 60)).toBe('09:00');
		expect(formatMinuteOfDay(18 * 60 + 5)).toBe('18:05');
	});
});

describe('formatDuration', () => {
	it('says durations in days, hours and minutes, never thousands of minutes', () => {
		const table: [number, string, string][] = [
			[15, '15분', '15 minutes'],
			[1, '1분', '1 minute'],
			[60, '1시간', '1 hour'],
			[90, '1시간 30분', '1 hour 30 minutes'],
			[4320, '3일', '3 days'],
			[1441, '1일 1분', '1 day 1 minute'],
			[0, '0분', '0 minutes']
		];
		for (const [minutes, ko, en] of table) {
			expect(formatDuration(minutes, 'ko'), `${minutes} ko`).toBe(ko);
			expect(formatDuration(minutes, 'en'), `${minutes} en`).toBe(en);
		}
	});
});
