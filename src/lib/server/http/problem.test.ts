import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { DomainError, TooManyRequestsError } from '../errors';
import { problemFromError } from './problem';

const requestLocale = getLocale;
afterEach(() => overwriteGetLocale(requestLocale));

describe('problemFromError', () => {
	it('fills the wait of a 429 into its title and detail, in minutes said as a duration (ko)', async () => {
		overwriteGetLocale(() => 'ko');
		const response = problemFromError(new TooManyRequestsError(14 * 60 + 5));
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe(String(14 * 60 + 5));
		const body = await response.json();
		expect(body.title).toBe('로그인 시도가 너무 많습니다. 15분 후에 다시 시도해 주세요.');
		expect(body.detail).toBe(body.title);
	});

	it('says the same wait in English', async () => {
		overwriteGetLocale(() => 'en');
		const body = await problemFromError(new TooManyRequestsError(15 * 60)).json();
		expect(body.title).toBe('Too many sign-in attempts. Try again in 15 minutes.');
	});

	it('says the title of any refusal with its parameters, never "undefined"', async () => {
		overwriteGetLocale(() => 'ko');
		const body = await problemFromError(new DomainError(409, 'conflict', 'booking_cancel_cutoff', { cutoffMinutes: 60 })).json();
		expect(body.title).toContain('1시간'); // 60 minutes, said as a duration
		expect(body.title).not.toContain('undefined');
	});
});
