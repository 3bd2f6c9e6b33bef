import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parseInput } from './issues';
import { SUPPORTED_DATES, calendarDate, clampDate, dateOrInstant, instant, oneOf, safeText, uuid } from './primitives';

const field = <S extends z.ZodType>(schema: S, value: unknown) => parseInput(z.object({ value: schema }), { value });
const keys = (result: ReturnType<typeof field>) => (result.ok ? [] : result.problems.map((p) => p.messageKey));

describe('the supported calendar', () => {
	it('is 2000-01-01 to 2100-12-31, both ends included', () => {
		expect(SUPPORTED_DATES).toEqual({ first: '2000-01-01', last: '2100-12-31' });
		expect(field(calendarDate(), '2000-01-01').ok).toBe(true);
		expect(field(calendarDate(), '2100-12-31').ok).toBe(true);
	});

	it.each(['1999-12-31', '2101-01-01', '9999-12-31', '0999-01-01', '0000-01-01'])('refuses the date %s as out of range', (date) => {
		const result = field(calendarDate(), date);
		expect(result.ok).toBe(false);
		expect(result.ok ? null : result.problems).toEqual([
			{ rule: 'value', messageKey: 'input_date_out_of_range', params: { first: 2000, last: 2100 } }
		]);
	});

	it.each(['9999-12-31T10:00:00+09:00', '0999-01-01T00:00:00Z', '1999-12-31T23:59:59+09:00', '2100-12-31T15:00:00Z'])(
		'refuses the instant %s as out of range',
		(value) => {
			expect(keys(field(instant(), value))).toEqual(['input_date_out_of_range']);
		}
	);

	it('takes the first and the last Seoul instant of the range', () => {
		const first = field(instant(), '2000-01-01T00:00:00+09:00');
		const last = field(instant(), '2100-12-31T23:59:59+09:00');
		expect(first.ok && first.value.value.toISOString()).toBe('1999-12-31T15:00:00.000Z');
		expect(last.ok && last.value.value.toISOString()).toBe('2100-12-31T14:59:59.000Z');
	});

	it('clamps a page date into the range', () => {
		expect(clampDate('1999-12-27')).toBe('2000-01-01');
		expect(clampDate('2101-01-03')).toBe('2100-12-31');
		expect(clampDate('2026-11-24')).toBe('2026-11-24');
	});
});

describe('impossible calendar dates', () => {
	it.each(['2027-06-31', '2027-02-29', '2026-13-01', '2026-00-10', '2026-04-00', '2026-4-1', '20261124', ' 2026-11-24'])(
		'refuses the date %s instead of rolling it over',
		(date) => {
			expect(keys(field(calendarDate(), date))).toEqual(['input_date_invalid']);
		}
	);

	it('accepts 29 February in a leap year', () => {
		expect(field(calendarDate(), '2028-02-29').ok).toBe(true);
	});

	it.each(['2027-06-31T10:00:00+09:00', '2027-02-29T10:00+09:00', '2026-11-24T24:00:00+09:00', '2026-11-24T10:60:00+09:00', '2026-11-24T10:00:00+99:99', '2026-11-24T10:00:00'])(
		'refuses the instant %s instead of rolling it over',
		(value) => {
			expect(keys(field(instant(), value))).toEqual(['input_instant_invalid']);
		}
	);

	it('reads a range bound as a date or an instant, with one message whatever is wrong', () => {
		const from = field(dateOrInstant(false, 'availability_range_invalid', { days: 62 }), '2026-11-24');
		const to = field(dateOrInstant(true), '2026-11-24');
		expect(from.ok && from.value.value.toISOString()).toBe('2026-11-23T15:00:00.000Z');
		expect(to.ok && to.value.value.toISOString()).toBe('2026-11-24T15:00:00.000Z');
		for (const bad of ['2027-02-29', 42, undefined, '2026-11-24T10:00'])
			expect(field(dateOrInstant(false, 'availability_range_invalid', { days: 62 }), bad)).toEqual({
				ok: false,
				problems: [{ rule: 'value', messageKey: 'availability_range_invalid', params: { days: 62 } }]
			});
	});
});

describe('safe text', () => {
	const name = safeText({ max: 10 });

	it.each(['a\u0000b', '\u0000', 'tab\there', 'line\nbreak', 'bell\u0007', 'del\u007f', 'esc\u001b[31m', 'lone \ud800 surrogate'])(
		'refuses control characters in single-line text (%j)',
		(value) => {
			expect(keys(field(name, value))).toEqual(['input_control_characters']);
		}
	);

	it('keeps tab and line breaks in multi-line text, never NUL', () => {
		const note = safeText({ max: 50, multiline: true });
		expect(field(note, 'first line\r\nsecond\tline').ok).toBe(true);
		expect(keys(field(note, 'first\u0000line'))).toEqual(['input_control_characters']);
	});

	it('trims, then requires and limits the length', () => {
		const ok = field(name, '  한솔초  ');
		expect(ok.ok && ok.value.value).toBe('한솔초');
		expect(keys(field(name, '   '))).toEqual(['field_required']);
		expect(field(name, 'x'.repeat(11))).toEqual({
			ok: false,
			problems: [{ rule: 'value', messageKey: 'field_too_long', params: { max: 10 } }]
		});
		expect(field(safeText({ max: 10, optional: true }), '').ok).toBe(true);
	});

	it('refuses what is not a string, keeps Korean and emoji', () => {
		expect(keys(field(name, 42))).toEqual(['input_invalid']);
		expect(keys(field(name, ['a']))).toEqual(['input_invalid']);
		expect(field(name, '회의 🎉').ok).toBe(true);
	});
});

describe('uuid and fixed values', () => {
	it('takes a uuid, refuses anything else', () => {
		expect(field(uuid(), '0b9c6f0e-4f6a-4f1e-9d53-3d9a0a6b1c11').ok).toBe(true);
		for (const bad of ['x', '0b9c6f0e-4f6a-4f1e-9d53-3d9a0a6b1c1', "' or 1=1 --", 7, null])
			expect(keys(field(uuid(), bad))).toEqual(['input_invalid']);
	});

	it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('refuses %s as a value of a fixed table', (value) => {
		expect(keys(field(oneOf(['weekly', 'biweekly'], 'recurrence_frequency_invalid'), value))).toEqual(['recurrence_frequency_invalid']);
	});
});
