import * as m from '$lib/paraglide/messages';
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
