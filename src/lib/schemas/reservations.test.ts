import { describe, expect, it } from 'vitest';
import { parseInput } from './issues';
import { bookingRequest, cancelRequest, moveRequest, rejectRequest } from './reservations';

const valid = {
	roomId: '0b9c6f0e-4f6a-4f1e-9d53-3d9a0a6b1c11',
	start: '2026-11-24T10:00:00+09:00',
	end: '2026-11-24T11:00:00+09:00',
	purpose: '학년 협의회',
	attendees: 12
};
const problems = (schema: Parameters<typeof parseInput>[0], raw: unknown) => {
	const result = parseInput(schema, raw);
	return result.ok ? [] : result.problems.map((p) => `${p.rule}:${p.messageKey}`);
};

describe('bookingRequest', () => {
	it('refuses a start in year 9999 or before 1000 as out of range', () => {
		expect(problems(bookingRequest, { ...valid, start: '9999-12-31T10:00:00+09:00', end: '9999-12-31T11:00:00+09:00' })).toEqual([
			'start:input_date_out_of_range',
			'end:input_date_out_of_range'
		]);
		expect(problems(bookingRequest, { ...valid, start: '0999-01-01T10:00:00Z' })).toEqual(['start:input_date_out_of_range']);
	});

	it('refuses 31 June and 29 February of a common year instead of moving them to the next month', () => {
		expect(problems(bookingRequest, { ...valid, start: '2027-06-31T10:00:00+09:00', end: '2027-06-31T11:00:00+09:00' })).toEqual([
			'start:booking_time_invalid',
			'end:booking_time_invalid'
		]);
		expect(
			problems(bookingRequest, { ...valid, recurrence: { frequency: 'weekly', until: '2027-02-29' } })
		).toEqual(['recurrence:recurrence_until_or_count']);
	});

	it('refuses a NUL byte in the purpose with a field error', () => {
		expect(problems(bookingRequest, { ...valid, purpose: '회의\u0000' })).toEqual(['purpose:input_control_characters']);
	});

	it.each(['constructor', '__proto__', 'toString'])('refuses the recurrence frequency %s', (frequency) => {
		expect(problems(bookingRequest, { ...valid, recurrence: { frequency, count: 3 } })).toEqual([
			'recurrence:recurrence_frequency_invalid'
		]);
	});

	it('ignores a __proto__ member of the body instead of taking it as the prototype', () => {
		const body = JSON.parse(`{"__proto__": {"attendees": 5}, ${JSON.stringify(valid).slice(1)}`);
		const result = parseInput(bookingRequest, body);
		expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
		expect(problems(bookingRequest, JSON.parse('{"__proto__": {"roomId": "x"}}'))).toContain('roomId:booking_room_required');
	});

	it('refuses a body that is not an object in one problem', () => {
		for (const body of [null, [], 'x', 42, [valid]]) expect(problems(bookingRequest, body)).toEqual(['body:input_body_invalid']);
	});

	it('refuses an until on or before the first date', () => {
		expect(problems(bookingRequest, { ...valid, recurrence: { frequency: 'weekly', until: '2026-11-24' } })).toEqual([
			'recurrence:recurrence_until_after_start'
		]);
	});

	it('reads a null recurrence as none', () => {
		const result = parseInput(bookingRequest, { ...valid, recurrence: null });
		expect(result.ok && result.value.recurrence).toBeUndefined();
	});
});

describe('the other reservation bodies', () => {
	it('move: refuses impossible or out-of-range times', () => {
		expect(problems(moveRequest, { start: '2027-02-29T10:00:00+09:00', end: '9999-01-01T00:00:00Z' })).toEqual([
			'start:booking_time_invalid',
			'end:input_date_out_of_range'
		]);
	});

	it('cancel: takes an empty body, refuses an unknown scope and a NUL in the reason', () => {
		expect(parseInput(cancelRequest, {}).ok).toBe(true);
		expect(problems(cancelRequest, { scope: 'all', reason: 'x\u0000' })).toEqual(['scope:input_invalid', 'reason:input_control_characters']);
	});

	it('reject: a multi-line reason is fine, a NUL is not; an empty one is left to the service', () => {
		expect(parseInput(rejectRequest, { reason: '겹칩니다.\n다른 날을 골라 주세요.' }).ok).toBe(true);
		expect(parseInput(rejectRequest, {})).toEqual({ ok: true, value: { reason: '' } });
		expect(problems(rejectRequest, { reason: '\u0000' })).toEqual(['reason:input_control_characters']);
	});
});

describe('bookingRequest: repeat rules', () => {
	const rule = (recurrence: unknown) => parseInput(bookingRequest, { ...valid, recurrence });
	// valid.start is Tuesday 24 November 2026: the fourth and last Tuesday of its month.

	it('reads the old weekly and biweekly frequencies as a weekly rule every one or two weeks', () => {
		expect(rule({ frequency: 'weekly', count: 3 })).toMatchObject({ ok: true, value: { recurrence: { kind: 'weekly', interval: 1, count: 3 } } });
		expect(rule({ frequency: 'biweekly', until: '2026-12-31' })).toMatchObject({
			ok: true,
			value: { recurrence: { kind: 'weekly', interval: 2, until: '2026-12-31' } }
		});
	});

	it('takes every kind with its parameters and exceptions', () => {
		for (const recurrence of [
			{ kind: 'weekly', interval: 2, weekdays: [1, 3], count: 4 },
			{ kind: 'weekdays', until: '2026-12-31', except: ['2026-12-25'] },
			{ kind: 'monthlyDate', count: 6 },
			{ kind: 'monthlyWeekday', nth: 4, count: 6 },
			{ kind: 'monthlyWeekday', nth: -1, until: '2027-06-30' }
		])
			expect(rule(recurrence)).toMatchObject({ ok: true, value: { recurrence } });
	});

	it('refuses an unknown kind, interval, weekday and ordinal each with its own message', () => {
		expect(problems(bookingRequest, { ...valid, recurrence: { kind: 'yearly', count: 3 } })).toEqual(['recurrence:recurrence_kind_invalid']);
		expect(problems(bookingRequest, { ...valid, recurrence: { kind: 'weekly', interval: 3, count: 3 } })).toEqual(['recurrence:recurrence_interval_invalid']);
		expect(problems(bookingRequest, { ...valid, recurrence: { kind: 'weekly', weekdays: [7], count: 3 } })).toEqual(['recurrence:recurrence_weekdays_invalid']);
		expect(problems(bookingRequest, { ...valid, recurrence: { kind: 'weekly', weekdays: [], count: 3 } })).toEqual(['recurrence:recurrence_weekdays_invalid']);
		expect(problems(bookingRequest, { ...valid, recurrence: { kind: 'monthlyWeekday', nth: 5, count: 3 } })).toEqual(['recurrence:recurrence_nth_invalid']);
		expect(problems(bookingRequest, { ...valid, recurrence: { kind: 'monthlyWeekday', count: 3 } })).toEqual(['recurrence:recurrence_nth_invalid']);
	});

	it('refuses a first date that does not fit the rule', () => {
		// The 24th is the fourth (and last) Tuesday, not the second; a Tuesday is not among Monday and Wednesday.
		expect(problems(bookingRequest, { ...valid, recurrence: { kind: 'monthlyWeekday', nth: 2, count: 3 } })).toEqual([
			'recurrence:recurrence_first_date_mismatch'
		]);
		expect(problems(bookingRequest, { ...valid, recurrence: { kind: 'weekly', weekdays: [0, 2], count: 3 } })).toEqual([
			'recurrence:recurrence_first_date_mismatch'
		]);
		const saturday = { ...valid, start: '2026-11-28T10:00:00+09:00', end: '2026-11-28T11:00:00+09:00' };
		expect(problems(bookingRequest, { ...saturday, recurrence: { kind: 'weekdays', count: 3 } })).toEqual(['recurrence:recurrence_first_date_mismatch']);
	});

	it('refuses impossible exceptions, too many, and ones on or before the first date', () => {
		expect(problems(bookingRequest, { ...valid, recurrence: { kind: 'weekdays', count: 3, except: ['2027-02-29'] } })).toEqual([
			'recurrence:recurrence_except_invalid'
		]);
		expect(problems(bookingRequest, { ...valid, recurrence: { kind: 'weekdays', count: 3, except: '2026-12-01' } })).toEqual([
			'recurrence:recurrence_except_invalid'
		]);
		const many = Array.from({ length: 53 }, (_, i) => `2027-01-${String((i % 28) + 1).padStart(2, '0')}`);
		expect(problems(bookingRequest, { ...valid, recurrence: { kind: 'weekdays', count: 3, except: many } })).toEqual([
			'recurrence:recurrence_except_too_many'
		]);
		expect(problems(bookingRequest, { ...valid, recurrence: { kind: 'weekdays', count: 3, except: ['2026-11-24'] } })).toEqual([
			'recurrence:recurrence_except_after_start'
		]);
	});

	it('still wants exactly one of until and count, whatever the kind', () => {
		for (const kind of ['weekdays', 'monthlyDate'])
			expect(problems(bookingRequest, { ...valid, recurrence: { kind, count: 3, until: '2026-12-31' } })).toEqual([
				'recurrence:recurrence_until_or_count'
			]);
	});
});
