import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDuration } from '$lib/time/format';
import type { Violation } from './errors';

type MessageFn = (params?: Record<string, unknown>, options?: { locale?: 'ko' | 'en' }) => string;

/** Say a message by key (as services return them) in the current request's language. */
export function say(key: string, params: Record<string, string | number> = {}): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return fn ? fn(params) : key;
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
