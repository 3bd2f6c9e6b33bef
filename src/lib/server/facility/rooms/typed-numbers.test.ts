import { describe, expect, it } from 'vitest';
import { durationToMinutes, isBlankDuration, minutesToDuration } from './typed-numbers';

const hm = (hours: string, minutes: string) => ({ hours, minutes });

describe('durationToMinutes', () => {
	it('reads whole hours and minutes, an empty field as 0', () => {
		expect(durationToMinutes(hm('1', '30'))).toBe(90);
		expect(durationToMinutes(hm('8', ''))).toBe(480);
		expect(durationToMinutes(hm('', '30'))).toBe(30);
		expect(durationToMinutes(hm(' 0 ', ' 0 '))).toBe(0);
	});

	it('refuses decimals, signs, words, 60 minutes or more, and two empty fields', () => {
		for (const typed of [hm('1.5', ''), hm('-1', ''), hm('', 'ten'), hm('1', '60'), hm('', ''), hm('1:30', '')])
			expect(durationToMinutes(typed)).toBeNull();
		expect(isBlankDuration(hm(' ', ''))).toBe(true);
	});
});

describe('minutesToDuration', () => {
	it('splits stored minutes into the two fields, and back', () => {
		expect(minutesToDuration(90)).toEqual(hm('1', '30'));
		expect(minutesToDuration(480)).toEqual(hm('8', '0'));
		expect(minutesToDuration(30)).toEqual(hm('0', '30'));
		for (const minutes of [0, 5, 59, 60, 61, 1440, 525600]) expect(durationToMinutes(minutesToDuration(minutes))).toBe(minutes);
	});
});
