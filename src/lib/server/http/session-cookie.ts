import type { Cookies } from '@sveltejs/kit';
import { sessionCookieName, sessionCookieOptions } from '../auth/cookies';

/** HTTP side of sessions: the one place that writes or clears the session cookie. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	const secure = url.protocol === 'https:';
	cookies.set(sessionCookieName(secure), token, sessionCookieOptions(secure, expiresAt));
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	const secure = url.protocol === 'https:';
	cookies.delete(sessionCookieName(secure), { path: '/', secure });
}
