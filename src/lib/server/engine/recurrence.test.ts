import { describe, expect, it } from 'vitest';
import { at } from './availability/test-context';
import { describeSeries, expandSeries, MAX_OCCURRENCES, occurrences } from './recurrence';

const first = { start: at('2026-11-24', '10:00'), end: at('2026-11-24', '11:30') };

describe('occurrences', () => {
	it('repeats weekly until a date, that date included', () => {
		const list = occurrences(first, { kind: 'weekly', interval: 1, until: '2026-12-15' });
		expect(list.map((o) => o.start.toISOString())).toEqual([
			'2026-11-24T01:00:00.000Z',
			'2026-12-01T01:00:00.000Z',
			'2026-12-08T01:00:00.000Z',
			'2026-12-15T01:00:00.000Z'
		]);
		expect(list.every((o) => o.end.getTime() - o.start.getTime() === 90 * 60_000)).toBe(true);
	});

	it('repeats every two weeks for a count', () => {
		const list = occurrences(first, { kind: 'weekly', interval: 2, count: 3 });
		expect(list.map((o) => o.start.toISOString().slice(0, 10))).toEqual(['2026-11-24', '2026-12-08', '2026-12-22']);
	});

	it(`never makes more than ${MAX_OCCURRENCES}`, () => {
		expect(occurrences(first, { kind: 'weekly', until: '2030-01-01' })).toHaveLength(MAX_OCCURRENCES);
	});

	it('repeats on the fourth Tuesday at the same Seoul time, leaving out an exception', () => {
		const list = occurrences(first, { kind: 'monthlyWeekday', nth: 4, count: 3, except: ['2026-12-22'] });
		expect(list.map((o) => o.start.toISOString())).toEqual(['2026-11-24T01:00:00.000Z', '2027-01-26T01:00:00.000Z', '2027-02-23T01:00:00.000Z']);
	});

	it('says which months a rule on the 31st passes over', () => {
		const on31 = { start: at('2027-01-31', '09:00'), end: at('2027-01-31', '10:00') };
		expect(expandSeries(on31, { kind: 'monthlyDate', count: 3 }).skippedMonths).toEqual(['2027-02', '2027-04']);
	});
});

describe('describeSeries', () => {
	it('keeps the rule as an RRULE string, its parameters and the sorted exceptions', () => {
		const series = describeSeries(first.start, { kind: 'weekdays', until: '2026-12-31', except: ['2026-12-25', '2026-12-01'] });
		expect(series.rule).toContain('FREQ=DAILY');
		expect(series.rule).toContain('BYDAY=MO,TU,WE,TH,FR');
		expect(series.params).toEqual({ kind: 'weekdays', until: '2026-12-31' });
		expect(series.exceptions).toEqual(['2026-12-01', '2026-12-25']);
	});

	it('writes a weekly rule without weekdays on the first booking’s weekday', () => {
		expect(describeSeries(first.start, { kind: 'weekly', interval: 2, count: 4 }).params).toEqual({ kind: 'weekly', weekdays: [1], interval: 2, count: 4 });
	});
});
