import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

// 25 random bytes: 200 bits of secret. Only its SHA-256 is stored.
const SECRET_BYTES = 25;
// 10 random bytes: the public row id, not a secret.
const ID_BYTES = 10;

function randomBase32(bytes: number): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

export function secretMatches(secret: string, storedHashHex: string): boolean {
	const candidate = new TextEncoder().encode(hashSecret(secret));
	const stored = new TextEncoder().encode(storedHashHex);
	return candidate.length === stored.length && constantTimeEqual(candidate, stored);
}

/** A new "<id>.<secret>" token and what to store of it. */
export function newIdAndSecret(): { id: string; secret: string; token: string; secretHash: string } {
	const id = randomBase32(ID_BYTES);
	const secret = randomBase32(SECRET_BYTES);
	return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

export function splitToken(token: string): { id: string; secret: string } | null {
	const parts = token.split('.');
	if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
	if (!/^[a-z2-7]+$/.test(parts[0]) || !/^[a-z2-7]+$/.test(parts[1])) return null;
	return { id: parts[0], secret: parts[1] };
}

/** A single-use secret (invitations): random, only its hash stored. */
export function newSingleUseToken(): { token: string; tokenHash: string } {
	const token = randomBase32(SECRET_BYTES);
	return { token, tokenHash: hashSecret(token) };
}
