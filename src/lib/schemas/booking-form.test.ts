import { describe, expect, it } from 'vitest';
import { bookingHref, emptyValues, readForm, readQuery, toRequestBody } from './booking-form';

const values = (over: Partial<ReturnType<typeof emptyValues>> = {}) => ({
	...emptyValues(),
	roomId: '6f1c2a52-9a3e-4c55-8f9a-0d6b0e0b1c11',
	date: '2026-11-24',
	start: '14:00',
	end: '15:30',
	purpose: '협의회',
	attendees: '6',
	...over
});

describe('booking form schema', () => {
	it('turns Seoul wall-clock date and times into instants, whatever the machine zone', () => {
		const { body, problems } = toRequestBody(values());
		expect(problems).toEqual([]);
		expect(body).toMatchObject({ start: '2026-11-24T05:00:00.000Z', end: '2026-11-24T06:30:00.000Z', attendees: 6 });
		expect(body.recurrence).toBeUndefined();
	});

	it('names every form-only problem at once: an impossible date and missing times', () => {
		const { problems } = toRequestBody(values({ date: '2026-02-30', start: '', end: '25:00' }));
		expect(problems.map((p) => p.rule)).toEqual(['date', 'start', 'end']);
	});

	it('sends a count or an until date for a repeated booking, never both', () => {
		expect(toRequestBody(values({ repeat: 'weekly', repeatEnd: 'count', count: '4', until: '2026-12-31' })).body.recurrence).toEqual({
			kind: 'weekly',
			interval: 1,
			count: 4
		});
		expect(toRequestBody(values({ repeat: 'biweekly', repeatEnd: 'until', until: '2026-12-31', count: '4' })).body.recurrence).toEqual({
			kind: 'weekly',
			interval: 2,
			until: '2026-12-31'
		});
	});

	it('reads unknown repeat values as no repetition', () => {
		const form = new FormData();
		form.set('repeat', 'daily');
		expect(readForm(form).repeat).toBe('none');
	});

	it('builds prefill links that read back to the same values', () => {
		const v = values({ repeat: 'weekly', repeatEnd: 'count', count: '3' });
		const href = bookingHref(v);
		expect(href).toMatch(/^\/book\?room=/);
		expect(readQuery(new URL(href, 'http://x').searchParams)).toEqual({ ...v, until: '' });
		expect(bookingHref(values())).not.toContain('repeat');
	});

	it('sends every repeat kind with its weekdays, ordinal and exceptions', () => {
		const form = new FormData();
		for (const [name, value] of Object.entries({ ...values(), repeat: 'monthlyWeekday', nth: '-1', count: '3' })) if (typeof value === 'string') form.set(name, value);
		form.append('except', '2027-01-26');
		form.append('except', '');
		form.append('except', '2026-12-29');
		const read = readForm(form);
		expect(read.except).toEqual(['2027-01-26', '2026-12-29']);
		expect(toRequestBody(read).body.recurrence).toEqual({ kind: 'monthlyWeekday', nth: -1, count: 3, except: ['2027-01-26', '2026-12-29'] });
		// 24 November 2026 is the fourth Tuesday: without a choice the ordinal is the first date's.
		expect(toRequestBody(values({ repeat: 'monthlyWeekday', count: '3' })).body.recurrence).toMatchObject({ nth: 4 });
		expect(toRequestBody(values({ repeat: 'biweekly', weekdays: ['1', '3'], count: '3' })).body.recurrence).toEqual({
			kind: 'weekly',
			interval: 2,
			weekdays: [1, 3],
			count: 3
		});
		expect(toRequestBody(values({ repeat: 'weekdays', count: '5' })).body.recurrence).toEqual({ kind: 'weekdays', count: 5 });
		expect(toRequestBody(values({ repeat: 'monthlyDate', repeatEnd: 'until', until: '2027-03-31' })).body.recurrence).toEqual({ kind: 'monthlyDate', until: '2027-03-31' });
	});

	it('keeps only real weekday numbers and known ordinals from a tampered form', () => {
		const form = new FormData();
		form.append('weekdays', '9');
		form.append('weekdays', '2');
		form.append('weekdays', 'constructor');
		form.set('nth', '5');
		const read = readForm(form);
		expect(read.weekdays).toEqual(['2']);
		expect(read.nth).toBe('');
	});
});
