/**
 * Editing one of the four departments (admin): both names, how schools reach it, what it does.
 * The code is the stable key used in code and URLs: shown, never edited. Every problem at once,
 * each as a message key (Korean and English in messages/*.json).
 * Pure and browser-safe: never import `$lib/server` here.
 */
import * as z from 'zod';
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN, PHONE_MAX_LENGTH, isPhoneNumber } from './contact';
import { safeText } from './primitives';

export const DEPARTMENT_NAME_MAX_LENGTH = 100;
export const DEPARTMENT_LOCATION_MAX_LENGTH = 200;
export const DEPARTMENT_DESCRIPTION_MAX_LENGTH = 1000;

/** Optional text: trimmed, blank is absent (null). An absent field (a hand-made post) counts as blank. */
const optionalText = (max: number, multiline = false) =>
	safeText({ max, optional: true, multiline })
		.optional()
		.transform((value) => value || null);

export const departmentForm = z.object({
	nameKo: safeText({ max: DEPARTMENT_NAME_MAX_LENGTH }),
	nameEn: safeText({ max: DEPARTMENT_NAME_MAX_LENGTH }),
	// Checked before the length: a long phone number is still "not a phone number".
	phone: optionalText(PHONE_MAX_LENGTH + 10).refine((v) => v === null || isPhoneNumber(v), { error: 'department_phone_invalid' }),
	email: optionalText(EMAIL_MAX_LENGTH).refine((v) => v === null || EMAIL_PATTERN.test(v), { error: 'field_email_invalid' }),
	location: optionalText(DEPARTMENT_LOCATION_MAX_LENGTH),
	description: optionalText(DEPARTMENT_DESCRIPTION_MAX_LENGTH, true)
});
export type DepartmentValues = z.output<typeof departmentForm>;
export const DEPARTMENT_FIELDS = Object.keys(departmentForm.shape) as (keyof DepartmentValues)[];
