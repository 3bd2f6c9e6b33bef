import * as m from '$lib/paraglide/messages';
import { getLocale, getServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { formatDate, formatDateTime, formatDuration } from '$lib/time/format';
import { holidayLabels } from '$lib/time/holiday-names';
import { addDays, seoulDate } from '$lib/time/seoul';
import * as clock from './clock';
import type { Violation } from './errors';

type MessageFn = (params?: Record<string, unknown>, options?: { locale?: 'ko' | 'en' }) => string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** A number named `…Minutes` (`leadMinutes: 4320`) is a duration: people read "3일", never "4320분". */
const DURATION_IN_MINUTES = /Minutes$/;

/**
 * Services speak in language-neutral values (ISO dates and instants, Korean holiday names as
 * identifiers); people read them as they write them: "2026년 12월 25일 (금)", "Fri, 25 Dec 2026",
 * "Christmas Day"; durations in minutes as days, hours and minutes ("3일", "1 hour 30 minutes").
 * ISO and raw minutes never reach a sentence.
 */
export function localizeParams(params: Record<string, string | number>, locale: 'ko' | 'en'): Record<string, string | number> {
	const said: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(params)) {
		if (typeof value === 'number' && DURATION_IN_MINUTES.test(name)) said[name] = formatDuration(value, locale);
		else if (typeof value !== 'string') said[name] = value;
		else if (name === 'holiday') said[name] = holidayLabels(value, locale);
		else if (ISO_DATE.test(value)) said[name] = formatDate(`${value}T00:00:00+09:00`, locale);
		else if (ISO_INSTANT.test(value)) said[name] = formatDateTime(value, locale);
		else said[name] = value;
	}
	return said;
}

/** How far ahead an example date in an error message lies, so it is never in the past. */
const EXAMPLE_DATE_AHEAD_DAYS = 7;

/**
 * Parameters every message may use without the service passing them: `{exampleDate}`, a date a
 * week after the clock's today ("예: 2026년 12월 9일 (수)"), for the one "bad date" wording.
 */
export function suppliedParams(): Record<string, string> {
	return { exampleDate: addDays(seoulDate(clock.now()), EXAMPLE_DATE_AHEAD_DAYS) };
}
export const SUPPLIED_PARAM_NAMES = ['exampleDate'] as const;

/** Say a message by key (as services return them) in the current request's language. */
export function say(key: string, params: Record<string, string | number> = {}): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return fn ? fn(localizeParams({ ...suppliedParams(), ...params }, getLocale())) : key;
}

/** Violations grouped by field for forms: { email: ['...'], password: ['...', '...'] }. */
export function fieldErrors(violations: Violation[]): Record<string, string[]> {
	const byField: Record<string, string[]> = {};
	for (const v of violations) (byField[v.rule] ??= []).push(say(v.messageKey, v.params));
	return byField;
}

/** "로그인 시도가 너무 많습니다. 15분 후에 …" / "… Try again in 15 minutes.": the wait, rounded up to whole minutes. */
export function throttledMessage(retryAfterSeconds: number, key = 'error_throttled'): string {
	return say(key, { duration: formatDuration(Math.ceil(retryAfterSeconds / 60), getLocale()) });
}

/**
 * Run `fn` as if the request were in `locale`: say() and the message functions answer in it. For
 * what is read outside the request's own language (a calendar feed in its owner's language).
 */
export function inLocale<T>(locale: 'ko' | 'en', fn: () => T): T {
	const storage = getServerAsyncLocalStorage();
	if (!storage) return fn();
	return storage.run({ locale, origin: undefined, messageCalls: new Set<string>() }, fn);
}
