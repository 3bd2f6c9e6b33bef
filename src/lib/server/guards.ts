import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { can, type Action, type Thing } from './auth/permissions';
import type { SessionUser } from './auth/sessions';

/** Pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	if (!event.locals.user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return event.locals.user;
}

/** Pages: the signed-in user allowed to do `action`, or 403. */
export function requirePermission(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	action: Action,
	thing?: Thing
): SessionUser {
	const user = requireUser(event);
	if (!can(user, action, thing)) error(403, { message: 'forbidden' });
	return user;
}
