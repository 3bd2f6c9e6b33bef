/**
 * Properties of the repeat rules of a booking: any rule-like body parses or is refused with message
 * keys of both languages; a rule generated to fit its first date parses, and every date it expands
 * to is on or after the first, sorted, never an exception, within its end.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandSeries } from '$lib/server/engine/recurrence';
import { seoulDate, seoulInstant } from '../time/seoul';
import { mondayIndex, weekdayPosition } from '../time/weekday-of-month';
import { parseInput } from './issues';
import { MAX_OCCURRENCES, REPEAT_KINDS, bookingRequest } from './reservations';

const catalogue = (lang: string): Record<string, string> => JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8'));
const messages = { ko: catalogue('ko'), en: catalogue('en') };

const DAY_MS = 86_400_000;
const isoDate = fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2098, 0, 1) }).map((ms) => new Date(ms - (ms % DAY_MS)).toISOString().slice(0, 10));
const later = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const body = (date: string, recurrence: unknown) => ({
	roomId: '0b9c6f0e-4f6a-4f1e-9d53-3d9a0a6b1c11',
	start: seoulInstant(date, 600).toISOString(),
	end: seoulInstant(date, 660).toISOString(),
	purpose: '협의회',
	attendees: 3,
	recurrence
});

const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('constructor', '__proto__', -1, 0, 1, 2, 5, 7, 53, '2027-02-29', null));
const ruleLike = fc.record(
	{
		kind: fc.oneof(fc.constantFrom(...REPEAT_KINDS, 'toString', '__proto__'), anyValue),
		frequency: fc.oneof(fc.constantFrom('weekly', 'biweekly', 'constructor'), anyValue),
		interval: anyValue,
		weekdays: fc.oneof(fc.array(fc.integer({ min: -1, max: 8 }), { maxLength: 8 }), anyValue),
		nth: fc.oneof(fc.constantFrom(1, 2, 3, 4, -1, 5, 0), anyValue),
		until: fc.oneof(isoDate, anyValue),
		count: fc.oneof(fc.integer({ min: 0, max: 60 }), anyValue),
		except: fc.oneof(fc.array(isoDate, { maxLength: 5 }), anyValue)
	},
	{ requiredKeys: [] }
);

/** A rule that fits its first date, with until or count and some later exceptions. */
const fittingRule = isoDate.chain((first) => {
	const position = weekdayPosition(first);
	const kinds: fc.Arbitrary<Record<string, unknown>>[] = [
		fc.record({
			kind: fc.constant('weekly'),
			interval: fc.constantFrom(1, 2),
			weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 6 }).map((w) => [...new Set([mondayIndex(first), ...w])])
		}),
		fc.constant({ kind: 'monthlyDate' })
	];
	if (mondayIndex(first) < 5) kinds.push(fc.constant({ kind: 'weekdays' }));
	if (position.nth <= 4) kinds.push(fc.constant({ kind: 'monthlyWeekday', nth: position.nth }));
	if (position.last) kinds.push(fc.constant({ kind: 'monthlyWeekday', nth: -1 }));
	const end = fc.oneof(
		fc.integer({ min: 2, max: MAX_OCCURRENCES }).map((count) => ({ count })),
		fc.integer({ min: 1, max: 800 }).map((days) => ({ until: later(first, days) }))
	);
	const except = fc.uniqueArray(fc.integer({ min: 1, max: 400 }).map((days) => later(first, days)), { maxLength: 6 });
	return fc.record({ first: fc.constant(first), rule: fc.oneof(...kinds), end, except });
});

describe('repeat rules, whatever they are given', () => {
	it('parse or are refused with message keys of both languages', () => {
		fc.assert(
			fc.property(isoDate, ruleLike, (date, recurrence) => {
				const result = parseInput(bookingRequest, body(date, recurrence));
				if (result.ok) return;
				for (const problem of result.problems) {
					expect(messages.ko[problem.messageKey], problem.messageKey).toBeTypeOf('string');
					expect(messages.en[problem.messageKey], problem.messageKey).toBeTypeOf('string');
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('a rule that fits its first date parses and expands to sorted dates from the first, within its end, without exceptions', () => {
		fc.assert(
			fc.property(fittingRule, ({ first, rule, end, except }) => {
				const result = parseInput(bookingRequest, body(first, { ...rule, ...end, except }));
				expect(result.ok).toBe(true);
				if (!result.ok || !result.value.recurrence) return;
				const { occurrences } = expandSeries(result.value, result.value.recurrence);
				const dates = occurrences.map((o) => seoulDate(o.start));
				expect(dates[0]).toBe(first);
				expect([...dates].sort()).toEqual(dates);
				expect(new Set(dates).size).toBe(dates.length);
				expect(dates.length).toBeLessThanOrEqual('count' in end ? end.count : MAX_OCCURRENCES);
				if ('until' in end) expect(dates.every((d) => d <= end.until)).toBe(true);
				for (const d of except) expect(dates).not.toContain(d);
				// The time of day stays the first's (Seoul wall clock), whatever the machine's zone.
				for (const o of occurrences) expect((o.start.getTime() - seoulInstant(seoulDate(o.start), 600).getTime())).toBe(0);
			}),
			{ numRuns: 300 }
		);
	});
});
