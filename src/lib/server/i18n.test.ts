import { describe, expect, it } from 'vitest';
import * as m from '$lib/paraglide/messages';
import { localizeParams } from './i18n';

describe('localizeParams: services speak ISO and Korean holiday names, people read their own language', () => {
	it('says an ISO date with its weekday, in Korean and in English', () => {
		expect(localizeParams({ date: '2026-12-25' }, 'ko')).toEqual({ date: '2026년 12월 25일 (금)' });
		expect(localizeParams({ date: '2026-12-25' }, 'en')).toEqual({ date: 'Fri, 25 Dec 2026' });
	});

	it('says an instant as a Seoul date and time, whatever the offset it came with', () => {
		expect(localizeParams({ from: '2026-11-24T02:00:00.000Z' }, 'ko')).toEqual({ from: '2026년 11월 24일 (화) 11:00' });
		expect(localizeParams({ from: '2026-11-24T11:00+09:00' }, 'en')).toEqual({ from: 'Tue, 24 Nov 2026, 11:00' });
	});

	it('names holidays in the reader’s language and leaves other values alone', () => {
		expect(localizeParams({ holiday: '기독탄신일', n: 3, code: 'R-101' }, 'en')).toEqual({ holiday: 'Christmas Day', n: 3, code: 'R-101' });
		expect(localizeParams({ holiday: '기독탄신일' }, 'ko')).toEqual({ holiday: '기독탄신일' });
	});

	it('makes the holiday refusal read as people write it: no ISO date, no 은(는), no Korean in English', () => {
		const params = { date: '2026-12-25', holiday: '기독탄신일' };
		const said = (locale: 'ko' | 'en') => localizeParams(params, locale) as { date: string; holiday: string };
		const ko = m.rule_holiday(said('ko'), { locale: 'ko' });
		const en = m.rule_holiday(said('en'), { locale: 'en' });
		expect(ko).toBe('공휴일(기독탄신일)인 2026년 12월 25일 (금)에는 운영하지 않습니다.');
		expect(en).toBe('Fri, 25 Dec 2026 is a public holiday (Christmas Day); the center is closed.');
		expect(en).not.toMatch(/[\u3131-\uD79D]/);
	});
});
