import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_OCCURRENCES } from '../../schemas/reservations';
import { expandDates, mondayIndex, ruleString, weekdayPosition, type RepeatRule } from './rule-dates';

describe('expandDates', () => {
	it('repeats every second Tuesday of the month for a count', () => {
		const { dates } = expandDates('2027-03-09', { kind: 'monthlyWeekday', nth: 2 }, { count: 4 });
		expect(dates).toEqual(['2027-03-09', '2027-04-13', '2027-05-11', '2027-06-08']);
	});

	it('repeats on the last Friday of the month', () => {
		const { dates } = expandDates('2026-12-25', { kind: 'monthlyWeekday', nth: -1 }, { until: '2027-03-31' });
		expect(dates).toEqual(['2026-12-25', '2027-01-29', '2027-02-26', '2027-03-26']);
	});

	it('repeats on the 31st, skipping months without one and saying which', () => {
		const { dates, skippedMonths } = expandDates('2027-01-31', { kind: 'monthlyDate' }, { count: 3 });
		expect(dates).toEqual(['2027-01-31', '2027-03-31', '2027-05-31']);
		expect(skippedMonths).toEqual(['2027-02', '2027-04']);
	});

	it('repeats on weekdays only, leaving out the exceptions without counting them', () => {
		const { dates } = expandDates('2026-12-04', { kind: 'weekdays' }, { count: 4, except: ['2026-12-08'] });
		expect(dates).toEqual(['2026-12-04', '2026-12-07', '2026-12-09', '2026-12-10']);
	});

	it('repeats weekly on chosen weekdays', () => {
		const { dates } = expandDates('2026-12-01', { kind: 'weekly', weekdays: [1, 3] }, { until: '2026-12-11' });
		expect(dates).toEqual(['2026-12-01', '2026-12-03', '2026-12-08', '2026-12-10']);
	});

	it('repeats on the same date every year (a closure on the center’s founding day)', () => {
		expect(expandDates('2026-12-10', { kind: 'yearly' }, { count: 3 }).dates).toEqual(['2026-12-10', '2027-12-10', '2028-12-10']);
		expect(expandDates('2028-02-29', { kind: 'yearly' }, { until: '2036-03-01' }).dates).toEqual(['2028-02-29', '2032-02-29', '2036-02-29']);
	});

	it('stores as an RRULE string', () => {
		const text = ruleString('2027-03-09', { kind: 'monthlyWeekday', nth: 2 }, { count: 4 });
		expect(text).toContain('DTSTART:20270309T000000Z');
		for (const part of ['FREQ=MONTHLY', 'COUNT=4', 'BYDAY=+2TU']) expect(text).toContain(part);
	});
});

const isoDate = fc
	.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));
const rule: fc.Arbitrary<RepeatRule> = fc.oneof(
	fc.record({ kind: fc.constant('weekly' as const), weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }), interval: fc.constantFrom(1 as const, 2 as const) }),
	fc.constant({ kind: 'weekdays' as const }),
	fc.constant({ kind: 'monthlyDate' as const }),
	fc.record({ kind: fc.constant('monthlyWeekday' as const), nth: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, -1 as const) }),
	fc.constant({ kind: 'yearly' as const })
);
const bounds = fc.oneof(
	fc.record({ count: fc.integer({ min: 2, max: MAX_OCCURRENCES }) }),
	fc.integer({ min: 1, max: 800 }).map((days) => ({ untilDays: days }))
);

function matches(first: string, r: RepeatRule, date: string): boolean {
	if (date === first) return true;
	const dom = (d: string) => Number(d.slice(8, 10));
	switch (r.kind) {
		case 'weekly':
			return r.weekdays.includes(mondayIndex(date));
		case 'weekdays':
			return mondayIndex(date) < 5;
		case 'monthlyDate':
			return dom(date) === dom(first);
		case 'monthlyWeekday': {
			const pos = weekdayPosition(date);
			return mondayIndex(date) === mondayIndex(first) && (r.nth === -1 ? pos.last : pos.nth === r.nth);
		}
		case 'yearly':
			return date.slice(5) === first.slice(5);
	}
}

describe('expandDates properties', () => {
	it('every date matches the rule, sorted, unique, within bounds, exceptions absent', () => {
		fc.assert(
			fc.property(isoDate, rule, bounds, fc.array(isoDate, { maxLength: 5 }), (first, r, b, except) => {
				const until = 'untilDays' in b ? new Date(Date.parse(first) + b.untilDays * 86_400_000).toISOString().slice(0, 10) : undefined;
				const count = 'count' in b ? b.count : undefined;
				const { dates } = expandDates(first, r, { until, count, except });
				expect(dates.length).toBeLessThanOrEqual(count ?? MAX_OCCURRENCES);
				expect([...dates].sort()).toEqual(dates);
				expect(new Set(dates).size).toBe(dates.length);
				for (const d of dates) {
					expect(d >= first).toBe(true);
					if (until) expect(d <= until).toBe(true);
					expect(except.includes(d)).toBe(false);
					expect(matches(first, r, d)).toBe(true);
				}
			}),
			{ numRuns: 200 }
		);
	}, 20_000);
});

describe('expandDates and the process time zone', () => {
	it('gives the same dates whatever TZ the process runs in', () => {
		const saved = process.env.TZ;
		try {
			fc.assert(
				fc.property(isoDate, rule, fc.integer({ min: 2, max: MAX_OCCURRENCES }), (first, r, count) => {
					const results = ['Asia/Seoul', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'].map((tz) => {
						process.env.TZ = tz;
						return expandDates(first, r, { count });
					});
					for (const other of results.slice(1)) expect(other).toEqual(results[0]);
				}),
				{ numRuns: 50 }
			);
		} finally {
			if (saved === undefined) delete process.env.TZ;
			else process.env.TZ = saved;
		}
	});
});
