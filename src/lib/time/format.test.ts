import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enUS, ko } from 'date-fns/locale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byCount, formatDate, formatDateParts, formatDateTime, formatDuration, formatMinuteOfDay, formatTime, pluralCategory } from './format';

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

describe('formatDateParts', () => {
	it('splits a date only where a line may break: never inside "12월 8일 (화)"', () => {
		const tuesday = new Date('2026-12-08T03:00:00Z');
		expect(formatDateParts(tuesday, 'ko')).toEqual(['2026년', '12월 8일 (화)']);
		expect(formatDateParts(tuesday, 'en')).toEqual(['Tue, 8 Dec', '2026']);
	});

	it('joins back into formatDate, in Seoul time', () => {
		fc.assert(
			fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
				expect(formatDateParts(ms, 'ko').join(' ')).toBe(formatDate(ms, 'ko'));
				expect(formatDateParts(ms, 'en').join(' ')).toBe(formatDate(ms, 'en'));
			}),
			{ numRuns: 500 }
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

describe('byCount', () => {
	const people = { one: (n: number) => `${n} person`, other: (n: number) => `${n} people` };
	const say = (n: number, locale: 'ko' | 'en') => byCount(n, locale, people)(n);

	it('says "1 person" but "0 people", "2 people" and "1.5 people" in English', () => {
		expect(say(1, 'en')).toBe('1 person');
		expect(say(0, 'en')).toBe('0 people');
		expect(say(2, 'en')).toBe('2 people');
		expect(say(150, 'en')).toBe('150 people');
		expect(pluralCategory(1.5, 'en')).toBe('other');
	});

	it('has one form for every count in Korean', () => {
		for (const n of [0, 1, 2, 11, 150]) expect(pluralCategory(n, 'ko')).toBe('other');
		expect(byCount(1, 'ko', { one: '명 (one)', other: '명' })).toBe('명');
	});
});
