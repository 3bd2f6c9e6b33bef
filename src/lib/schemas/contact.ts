/**
 * How people are reached: the shapes of a phone number and an e-mail address, for every form that
 * takes one (schools, departments). Pure and browser-safe.
 */

/** Digits with the usual separators: 044-123-4567, (044) 123 4567, +82 44 123 4567. */
const PHONE_PATTERN = /^\+?[0-9()][0-9 ()-]*[0-9]$/;
const PHONE_DIGITS = { min: 7, max: 15 };
export const PHONE_MAX_LENGTH = 20;

/** A phone number as people write one in Korea, at most PHONE_MAX_LENGTH characters (already trimmed). */
export function isPhoneNumber(phone: string): boolean {
	const digits = phone.replace(/\D/g, '').length;
	return phone.length <= PHONE_MAX_LENGTH && PHONE_PATTERN.test(phone) && digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
}

/** One @, a dot in the domain, no spaces: what a person can check by eye (the mail server judges the rest). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMAIL_MAX_LENGTH = 254;
