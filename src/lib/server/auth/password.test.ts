import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './password';

describe('password hashing', () => {
	it('hashes with argon2id and verifies only the same password', async () => {
		const hash = await hashPassword('center-demo');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'center-demo')).toBe(true);
		expect(await verifyPassword(hash, 'center-demO')).toBe(false);
	});

	it('treats a corrupt stored hash as a mismatch, not a crash', async () => {
		expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
	});
});

describe('checkPasswordStrength', () => {
	it(`refuses fewer than ${PASSWORD_MIN_LENGTH} characters and accepts exactly ${PASSWORD_MIN_LENGTH}`, () => {
		expect(checkPasswordStrength('a1b2c3d4e')).toEqual([
			{ rule: 'password', messageKey: 'password_too_short', params: { min: PASSWORD_MIN_LENGTH } }
		]);
		expect(checkPasswordStrength('a1b2c3d4e5')).toEqual([]);
	});

	it('refuses a password containing the e-mail name', () => {
		expect(checkPasswordStrength('teacher.kim-2026', { email: 'Teacher.Kim@school.kr' }).map((v) => v.messageKey)).toEqual([
			'password_contains_email'
		]);
	});

	it('refuses a long password of very few distinct characters', () => {
		expect(checkPasswordStrength('aaaaaaaaaaaa').map((v) => v.messageKey)).toEqual(['password_too_simple']);
	});

	it('accepts Hangul passphrases', () => {
		expect(checkPasswordStrength('세종 학교지원 본부 2026')).toEqual([]);
	});
});
