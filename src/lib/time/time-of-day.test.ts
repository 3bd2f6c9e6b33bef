import { describe, expect, it } from 'vitest';
import { gridTimes, parseTimeOfDay } from './time-of-day';

describe('parseTimeOfDay', () => {
	it('refuses a time past midnight (24:01)', () => {
		expect(parseTimeOfDay('24:01')).toBeNull();
	});
});

describe('gridTimes: the choices of a time field', () => {
	it('offers every step within the hours, in 24-hour form, both ends included', () => {
		expect(gridTimes(9 * 60, 11 * 60, 30)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
		expect(gridTimes(13 * 60, 14 * 60, 60)).toEqual(['13:00', '14:00']);
		expect(gridTimes(23 * 60, 24 * 60, 30)).toEqual(['23:00', '23:30', '24:00']);
	});

	it('keeps a valid value that is off the grid, in order, and ignores one that is not a time', () => {
		expect(gridTimes(9 * 60, 10 * 60, 30, '09:10')).toEqual(['09:00', '09:10', '09:30', '10:00']);
		expect(gridTimes(9 * 60, 10 * 60, 30, '9 AM')).toEqual(['09:00', '09:30', '10:00']);
		expect(gridTimes(9 * 60, 10 * 60, 30, '')).toEqual(['09:00', '09:30', '10:00']);
	});
});
