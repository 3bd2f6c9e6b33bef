import { json, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../auth/sessions';
import { DomainError } from '../errors';
import { problemFromError } from './problem';

export class Unauthenticated extends DomainError {
	constructor() {
		super(401, 'unauthenticated', 'error_unauthenticated');
	}
}

/** API: the signed-in user, or a 401 problem. */
export function requireApiUser(event: Pick<RequestEvent, 'locals'>): SessionUser {
	if (!event.locals.user) throw new Unauthenticated();
	return event.locals.user;
}

/** Run an API handler: JSON on success, problem+json for every refusal, never a bare 500. */
export async function api(
	event: Pick<RequestEvent, 'locals'>,
	handler: () => Promise<Response | { status?: number; body: unknown }>
): Promise<Response> {
	try {
		const result = await handler();
		if (result instanceof Response) return result;
		return json(result.body, { status: result.status ?? 200 });
	} catch (error) {
		return problemFromError(error, event.locals.requestId);
	}
}

/** Names in the request's language. */
export function localName(locale: string, row: { nameKo: string; nameEn: string }): string {
	return locale === 'en' ? row.nameEn : row.nameKo;
}
