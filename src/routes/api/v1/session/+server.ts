import { json } from '@sveltejs/kit';
import * as login from '$lib/server/auth/login';
import { STAFF_IDLE_MS, isStaffRole } from '$lib/server/auth/sessions';
import { credentials } from '$lib/schemas/session';
import { TooManyRequestsError } from '$lib/server/errors';
import { readBody } from '$lib/server/http/input';
import { problem, problemFromError } from '$lib/server/http/problem';
import { clearSessionCookie, setSessionCookie } from '$lib/server/http/session-cookie';
import type { RequestHandler } from './$types';

function describe(locals: App.Locals) {
	const { user, session } = locals;
	if (!user || !session) return null;
	return {
		user: { id: user.id, email: user.email, name: user.name, role: user.role },
		expiresAt: session.expiresAt.toISOString(),
		idleTimeoutSeconds: isStaffRole(user.role) ? STAFF_IDLE_MS / 1000 : null
	};
}

/** The current session. As any request does, it keeps an active staff session alive. */
export const GET: RequestHandler = ({ locals }) => {
	const body = describe(locals);
	return body ? json(body) : problem(401, 'unauthenticated', 'error_unauthenticated');
};

export const POST: RequestHandler = async ({ request, cookies, url, getClientAddress, locals }) => {
	try {
		const { email, password } = await readBody(request, credentials);
		const result = await login.signIn({ email, password, ip: getClientAddress() });
		if (!result.ok && result.reason === 'throttled') throw new TooManyRequestsError(result.retryAfterSeconds);
		if (!result.ok) return problem(401, 'invalid-credentials', 'login_invalid');
		setSessionCookie(cookies, url, result.token, result.session.expiresAt);
		return json(
			{ expiresAt: result.session.expiresAt.toISOString(), userId: result.userId },
			{ status: 201 }
		);
	} catch (error) {
		return problemFromError(error, locals.requestId);
	}
};

export const DELETE: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.user) await login.signOut(locals.user.id);
	clearSessionCookie(cookies, url);
	return new Response(null, { status: 204 });
};
