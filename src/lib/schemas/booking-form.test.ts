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
			frequency: 'weekly',
			count: 4
		});
		expect(toRequestBody(values({ repeat: 'biweekly', repeatEnd: 'until', until: '2026-12-31', count: '4' })).body.recurrence).toEqual({
			frequency: 'biweekly',
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
});
