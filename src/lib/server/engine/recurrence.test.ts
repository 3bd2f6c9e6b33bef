import { describe, expect, it } from 'vitest';
import { at } from './availability/test-context';
import { checkRecurrence, MAX_OCCURRENCES, occurrences } from './recurrence';

const first = { start: at('2026-11-24', '10:00'), end: at('2026-11-24', '11:30') };

describe('occurrences', () => {
	it('repeats weekly until a date, that date included', () => {
		const list = occurrences(first, { frequency: 'weekly', until: '2026-12-15' });
		expect(list.map((o) => o.start.toISOString())).toEqual([
			'2026-11-24T01:00:00.000Z',
			'2026-12-01T01:00:00.000Z',
			'2026-12-08T01:00:00.000Z',
			'2026-12-15T01:00:00.000Z'
		]);
		expect(list.every((o) => o.end.getTime() - o.start.getTime() === 90 * 60_000)).toBe(true);
	});

	it('repeats every two weeks for a count', () => {
		const list = occurrences(first, { frequency: 'biweekly', count: 3 });
		expect(list.map((o) => o.start.toISOString().slice(0, 10))).toEqual(['2026-11-24', '2026-12-08', '2026-12-22']);
	});

	it(`never makes more than ${MAX_OCCURRENCES}`, () => {
		expect(occurrences(first, { frequency: 'weekly', until: '2030-01-01' })).toHaveLength(MAX_OCCURRENCES);
	});
});

describe('checkRecurrence', () => {
	it('wants exactly one of until and count', () => {
		expect(checkRecurrence({ frequency: 'weekly' }, first.start)[0]?.messageKey).toBe('recurrence_until_or_count');
		expect(checkRecurrence({ frequency: 'weekly', count: 3, until: '2026-12-31' }, first.start)[0]?.messageKey).toBe(
			'recurrence_until_or_count'
		);
		expect(checkRecurrence({ frequency: 'weekly', count: 3 }, first.start)).toEqual([]);
	});

	it('refuses an end date on or before the first occurrence and counts out of range', () => {
		expect(checkRecurrence({ frequency: 'weekly', until: '2026-11-24' }, first.start)[0]?.messageKey).toBe(
			'recurrence_until_after_start'
		);
		expect(checkRecurrence({ frequency: 'weekly', count: 1 }, first.start)[0]?.messageKey).toBe('recurrence_count_range');
		expect(checkRecurrence({ frequency: 'weekly', count: 53 }, first.start)[0]?.messageKey).toBe('recurrence_count_range');
	});
});

describe('checkRecurrence: frequencies from the table only', () => {
	it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('refuses the frequency %s (an inherited member, not a table key)', (frequency) => {
		expect(
			checkRecurrence({ frequency: frequency as 'weekly', count: 3 }, first.start).map((v) => v.messageKey)
		).toEqual(['recurrence_frequency_invalid']);
	});
});
