/**
 * Property-based tests over every input schema: whatever arrives (random values, JSON, objects
 * with prototype keys, near-valid bodies with one field spoiled), parsing never throws; it
 * succeeds or returns problems whose message keys exist in both languages. Valid inputs
 * generated from the rules round-trip.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { SUPPLIED_PARAM_NAMES } from '$lib/server/i18n';
import * as availability from './availability';
import * as forms from './forms';
import { parseInput } from './issues';
import {
	SUPPORTED_FROM,
	SUPPORTED_UNTIL,
	calendarDate,
	hasControlCharacters,
	instant,
	isSupportedDate,
	safeText
} from './primitives';
import * as reservations from './reservations';
import * as session from './session';
import * as trainings from './trainings';
import * as visits from './visits';

const catalogue = (lang: string): Record<string, string> => JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8'));
const messages = { ko: catalogue('ko'), en: catalogue('en') };

const allSchemas = Object.entries({ ...availability, ...forms, ...reservations, ...session, ...trainings, ...visits } as Record<string, unknown>).filter(
	(entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType
);

/** Values a client could send where a field is expected: wrong types, odd strings, prototype keys. */
const hostileValue = fc.oneof(
	fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, maxDepth: 3 }),
	fc.jsonValue({ maxDepth: 3 }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.constantFrom(
		'\u0000',
		'a\u0000b',
		'constructor',
		'__proto__',
		'toString',
		'9999-12-31',
		'0999-01-01',
		'2027-02-29',
		'2027-06-31',
		'+275760-09-13T00:00:00Z',
		'9999-12-31T10:00:00+09:00',
		'2026-11-24T10:00:00+99:99',
		'1e309',
		'x'.repeat(5000),
		'\ud800',
		-0,
		Number.MAX_SAFE_INTEGER,
		Number.NaN,
		Infinity,
		[],
		{},
		null,
		true
	)
);
const hostileObject = fc.oneof(
	fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'roomId', 'start', 'email')), hostileValue, {
		maxKeys: 8
	}),
	fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'))
);

function expectWellFormed(result: ReturnType<typeof parseInput>) {
	if (result.ok) return;
	expect(result.problems.length).toBeGreaterThan(0);
	for (const problem of result.problems) {
		expect(typeof problem.rule).toBe('string');
		expect(messages.ko[problem.messageKey], `ko ${problem.messageKey}`).toBeTypeOf('string');
		expect(messages.en[problem.messageKey], `en ${problem.messageKey}`).toBeTypeOf('string');
		// Every placeholder of the message has its parameter ("…undefined분…" never again).
		// (say() itself supplies the clock-made ones, e.g. {exampleDate}.)
		for (const [, name] of messages.en[problem.messageKey]!.matchAll(/\{(\w+)\}/g))
			if (!(SUPPLIED_PARAM_NAMES as readonly string[]).includes(name!)) expect(problem.params?.[name!]).toBeDefined();
	}
}

describe('every input schema, whatever it is given', () => {
	it('knows the schemas it fuzzes', () => {
		expect(allSchemas.length).toBeGreaterThanOrEqual(20);
	});

	it.each(allSchemas)('%s never throws, and refuses with message keys of both languages', (_, schema) => {
		fc.assert(
			fc.property(fc.oneof(hostileValue, hostileObject), (raw) => {
				expectWellFormed(parseInput(schema, raw));
			}),
			{ numRuns: 150 }
		);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

const SUPPORTED_MS = { min: SUPPORTED_FROM.getTime(), max: SUPPORTED_UNTIL.getTime() - 60 * 60_000 };
const seoulIso = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19) + '+09:00';
const purposeText = fc
	.string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
	.filter((s) => !hasControlCharacters(s) && s.trim().length > 0);

const validBooking = fc.record({
	roomId: fc.uuid(),
	startMs: fc.integer(SUPPORTED_MS).map((ms) => ms - (ms % 60_000)),
	minutes: fc.integer({ min: 5, max: 600 }),
	purpose: purposeText,
	attendees: fc.integer({ min: 1, max: reservations.ATTENDEES_MAX }),
	zulu: fc.boolean()
});

describe('valid inputs round-trip', () => {
	it('a booking generated within the rules parses to the same instants, text and numbers', () => {
		fc.assert(
			fc.property(validBooking, (b) => {
				const endMs = Math.min(b.startMs + b.minutes * 60_000, SUPPORTED_UNTIL.getTime() - 1000);
				fc.pre(endMs > b.startMs);
				const format = (ms: number) => (b.zulu ? new Date(ms).toISOString() : seoulIso(ms));
				const result = parseInput(reservations.bookingRequest, {
					roomId: b.roomId,
					start: format(b.startMs),
					end: format(endMs),
					purpose: b.purpose,
					attendees: b.attendees
				});
				expect(result.ok).toBe(true);
				if (!result.ok) return;
				expect(result.value.start.getTime()).toBe(b.startMs);
				expect(result.value.end.getTime()).toBe(endMs);
				expect(result.value.purpose).toBe(b.purpose.trim());
				expect(result.value.attendees).toBe(b.attendees);
			}),
			{ numRuns: 300 }
		);
	});

	it('an instant inside the supported range round-trips; one outside it is refused', () => {
		const schema = z.object({ at: instant() });
		fc.assert(
			fc.property(fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }), (date) => {
				const iso = date.toISOString();
				fc.pre(/^\d{4}-/.test(iso));
				const result = parseInput(schema, { at: iso });
				const inside = date >= SUPPORTED_FROM && date < SUPPORTED_UNTIL;
				expect(result.ok).toBe(inside);
				if (result.ok) expect(result.value.at.getTime()).toBe(date.getTime());
			}),
			{ numRuns: 500 }
		);
	});

	it('a calendar date is accepted exactly when it exists and lies in 2000–2100', () => {
		const schema = z.object({ date: calendarDate() });
		const pad = (n: number, width: number) => String(n).padStart(width, '0');
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
				const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
				const daysInMonth = m >= 1 && m <= 12 ? new Date(Date.UTC(2000, m, 0)).getUTCDate() : 0;
				const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
				const exists = m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 ? (leap ? 29 : 28) : daysInMonth);
				const expected = exists && y >= 2000 && y <= 2100;
				expect(parseInput(schema, { date: text }).ok).toBe(expected);
				expect(isSupportedDate(text)).toBe(expected);
			}),
			{ numRuns: 1000 }
		);
	});

	it('safe text accepts exactly the strings without control characters, trimmed to 1–max, and keeps them', () => {
		const schema = z.object({ text: safeText({ max: 20 }) });
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
				const result = parseInput(schema, { text });
				const trimmed = text.trim();
				const expected = !hasControlCharacters(text) && trimmed.length >= 1 && trimmed.length <= 20;
				expect(result.ok).toBe(expected);
				if (result.ok) {
					expect(result.value.text).toBe(trimmed);
					expect(/[\u0000-\u001f\u007f]/.test(result.value.text)).toBe(false);
				}
			}),
			{ numRuns: 500 }
		);
	});
});
