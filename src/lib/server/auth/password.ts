import { hash, verify } from '@node-rs/argon2';
import type { Violation } from '../errors';

// OWASP Password Storage Cheat Sheet, argon2id: 19 MiB memory, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

// Verified against when the account does not exist, so a miss costs what a hit costs.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('not-a-real-password-only-burns-time');
	await verifyPassword(await dummyHash, password);
	return false;
}

/** Rules for a new password; returns every broken rule. */
export function checkPasswordStrength(password: string, context: { email?: string } = {}): Violation[] {
	const violations: Violation[] = [];
	if (password.length < PASSWORD_MIN_LENGTH)
		violations.push({ rule: 'password', messageKey: 'password_too_short', params: { min: PASSWORD_MIN_LENGTH } });
	if (password.length > PASSWORD_MAX_LENGTH)
		violations.push({ rule: 'password', messageKey: 'password_too_long', params: { max: PASSWORD_MAX_LENGTH } });
	const localPart = context.email?.split('@')[0]?.toLowerCase();
	if (localPart && localPart.length >= 3 && password.toLowerCase().includes(localPart))
		violations.push({ rule: 'password', messageKey: 'password_contains_email' });
	if (password.length >= PASSWORD_MIN_LENGTH && new Set(password).size < 4)
		violations.push({ rule: 'password', messageKey: 'password_too_simple' });
	return violations;
}
