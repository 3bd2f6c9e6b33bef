import { eq } from 'drizzle-orm';
import * as audit from '../audit';
import { db } from '../db';
import { appUser, type Session } from '../db/schema';
import { verifyAgainstDummy, verifyPassword } from './password';
import * as sessions from './sessions';
import * as throttle from './throttle';

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export type SignInResult =
	| { ok: true; token: string; session: Session; userId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks a password and opens a new session (a new token at every sign-in: no fixation).
 * The answer never tells whether the address has an account.
 */
export async function signIn(input: { email: string; password: string; ip: string | null }): Promise<SignInResult> {
	const email = normalizeEmail(input.email);
	// Counted before the password is checked: simultaneous guesses cannot all slip under the limit.
	const attempt = await throttle.begin(email, input.ip);
	if (!attempt.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };

	const [user] = await db.select().from(appUser).where(eq(appUser.email, email));
	const passwordOk = user?.passwordHash
		? await verifyPassword(user.passwordHash, input.password)
		: await verifyAgainstDummy(input.password);
	if (!user || !passwordOk || !user.active) {
		await throttle.failed(attempt);
		return { ok: false, reason: 'invalid' };
	}
	await throttle.succeeded(attempt);
	return db.transaction(async (tx) => {
		const { token, session } = await sessions.create(user.id, user.role, tx);
		await audit.record(tx, { actorId: user.id, action: 'auth.sign_in', entity: 'user', entityId: user.id });
		return { ok: true as const, token, session, userId: user.id };
	});
}

/** Signing out ends every session of the user, on every device (shared office PCs). */
export async function signOut(userId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await sessions.invalidateAllForUser(userId, tx);
		await audit.record(tx, { actorId: userId, action: 'auth.sign_out', entity: 'user', entityId: userId });
	});
}
