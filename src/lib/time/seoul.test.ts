import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, mondayOf, seoulDate, seoulInstant, seoulIso, seoulMinuteOfDay, seoulMonthRange, seoulWeekday } from './seoul';

describe('Seoul calendar maths', () => {
	it('puts 15:30 UTC on the next Seoul day, whatever the machine zone', () => {
		const instant = new Date('2026-11-24T15:30:00Z');
		expect(seoulDate(instant)).toBe('2026-11-25');
		expect(seoulWeekday(instant)).toBe(3);
		expect(seoulMinuteOfDay(instant)).toBe(30);
	});

	it('turns a Seoul wall-clock time into the instant (UTC+9, no daylight saving)', () => {
		expect(seoulInstant('2026-11-24', 14 * 60).toISOString()).toBe('2026-11-24T05:00:00.000Z');
		expect(seoulInstant('2026-11-24', 1440).toISOString()).toBe('2026-11-24T15:00:00.000Z');
		// New York changes its clocks on 2026-03-08 and 2026-11-01; Seoul does not.
		expect(seoulInstant('2026-03-08', 9 * 60).toISOString()).toBe('2026-03-08T00:00:00.000Z');
		expect(seoulInstant('2026-11-01', 9 * 60).toISOString()).toBe('2026-11-01T00:00:00.000Z');
	});

	it('adds days across month and year ends and finds Mondays', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(mondayOf('2026-11-29')).toBe('2026-11-23');
		expect(mondayOf('2026-11-23')).toBe('2026-11-23');
	});

	it('validates calendar dates', () => {
		expect(isIsoDate('2026-02-28')).toBe(true);
		expect(isIsoDate('2026-02-29')).toBe(false);
		expect(isIsoDate('2026-2-1')).toBe(false);
	});

	it('gives the Seoul month around an instant', () => {
		const { from, to } = seoulMonthRange(new Date('2026-11-30T16:00:00Z'));
		expect(from.toISOString()).toBe('2026-11-30T15:00:00.000Z');
		expect(to.toISOString()).toBe('2026-12-31T15:00:00.000Z');
	});
});

describe('the fixed UTC+9 shortcut', () => {
	it('agrees with the IANA Asia/Seoul zone on every day from 2024 to 2030 at several times', () => {
		let checked = 0;
		for (let date = '2024-01-01'; date < '2031-01-01'; date = addDays(date, 1))
			for (const minute of [0, 9 * 60, 13 * 60 + 30, 23 * 60 + 59]) {
				const instant = seoulInstant(date, minute);
				const zoned = new TZDate(instant.getTime(), 'Asia/Seoul');
				const zonedDate = `${zoned.getFullYear()}-${String(zoned.getMonth() + 1).padStart(2, '0')}-${String(zoned.getDate()).padStart(2, '0')}`;
				expect(zonedDate).toBe(date);
				expect(zoned.getHours() * 60 + zoned.getMinutes()).toBe(minute);
				expect(seoulDate(instant)).toBe(date);
				expect(seoulMinuteOfDay(instant)).toBe(minute);
				expect(seoulWeekday(instant)).toBe(zoned.getDay());
				checked++;
			}
		expect(checked).toBeGreaterThan(10_000);
	});
});

describe('seoulIso', () => {
	it('writes an instant in Seoul wall-clock time with +09:00, the same instant back when parsed', () => {
		const instant = new Date('2027-01-05T05:00:00Z');
		expect(seoulIso(instant)).toBe('2027-01-05T14:00:00+09:00');
		expect(new Date(seoulIso(instant)).getTime()).toBe(instant.getTime());
		expect(seoulIso(new Date('2026-12-31T15:30:00Z'))).toBe('2027-01-01T00:30:00+09:00');
	});
});
