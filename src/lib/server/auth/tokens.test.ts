import { describe, expect, it } from 'vitest';
import { hashSecret, newIdAndSecret, newSingleUseToken, secretMatches, splitToken } from './tokens';

describe('session tokens', () => {
	it('carry at least 20 random bytes of secret and store only its SHA-256', () => {
		const { token, secret, secretHash } = newIdAndSecret();
		// base32: 8 characters per 5 bytes; 25 bytes → 40 characters.
		expect(secret).toHaveLength(40);
		expect(secretHash).toBe(hashSecret(secret));
		expect(secretHash).toMatch(/^[0-9a-f]{64}$/);
		expect(token.endsWith(secret)).toBe(true);
	});

	it('are never the same twice', () => {
		const seen = new Set(Array.from({ length: 1000 }, () => newIdAndSecret().token));
		expect(seen.size).toBe(1000);
	});

	it('match only their own secret', () => {
		const { secret, secretHash } = newIdAndSecret();
		expect(secretMatches(secret, secretHash)).toBe(true);
		expect(secretMatches(`${secret}x`, secretHash)).toBe(false);
		expect(secretMatches(secret, secretHash.slice(0, 10))).toBe(false);
	});

	it('split into id and secret, refusing malformed cookies', () => {
		expect(splitToken('abc.def')).toEqual({ id: 'abc', secret: 'def' });
		for (const bad of ['', 'abc', 'abc.', '.def', 'a.b.c', 'ABC.def', 'abc.d%f'])
			expect(splitToken(bad), bad).toBeNull();
	});

	it('single-use tokens keep only a hash too', () => {
		const { token, tokenHash } = newSingleUseToken();
		expect(tokenHash).toBe(hashSecret(token));
		expect(tokenHash).not.toContain(token);
	});
});
