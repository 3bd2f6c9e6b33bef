/**
 * Where the session token travels. Secure with the __Host- prefix whenever the site is served
 * over HTTPS (production behind TLS); plain name on http://localhost in development and tests.
 */
export const SESSION_COOKIE = 'session';
export const SECURE_SESSION_COOKIE = '__Host-session';

export function sessionCookieName(secure: boolean): string {
	return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function sessionCookieOptions(secure: boolean, expiresAt: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure,
		expires: expiresAt
	};
}
