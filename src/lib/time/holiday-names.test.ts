import * as years from '@hyunbinseo/holidays-kr/all';
import { describe, expect, it } from 'vitest';
import { holidayLabel, holidayLabels } from './holiday-names';

const everyName = [...new Set(Object.values(years).flatMap((year) => Object.values(year as Record<string, readonly string[]>).flat()))];

describe('holidayLabel', () => {
	it('has an English name for every holiday in the gazette data, none of them Korean', () => {
		expect(everyName.length).toBeGreaterThan(20);
		for (const name of everyName) {
			const english = holidayLabel(name, 'en');
			expect(english, name).not.toMatch(/[\u3131-\uD79D]/);
			expect(english, name).not.toBe('Public holiday');
		}
	});

	it('names substitute and temporary holidays after the day they stand for', () => {
		expect(holidayLabel('대체공휴일(추석)', 'en')).toBe('Substitute holiday (Chuseok)');
		expect(holidayLabel('임시공휴일(대통령선거)', 'en')).toBe('Temporary public holiday (Presidential election)');
	});

	it('keeps the Korean name on Korean pages and never shows Korean on English ones', () => {
		expect(holidayLabel('기독탄신일', 'ko')).toBe('기독탄신일');
		expect(holidayLabels('설날, 대체공휴일(설날)', 'en')).toBe('Lunar New Year, Substitute holiday (Lunar New Year)');
		expect(holidayLabel('새로 생긴 공휴일', 'en')).toBe('Public holiday');
	});
});
