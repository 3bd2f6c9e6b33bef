/**
 * What makes a school's details acceptable, for the form and for every CSV row alike. Pure:
 * every problem at once, each named by its field.
 */
import {
	NEIS_CODE_PATTERN,
	SCHOOL_LEVELS,
	SCHOOL_NAME_MAX_LENGTH,
	SCHOOL_PHONE_MAX_LENGTH,
	SCHOOL_REGION_MAX_LENGTH,
	type SchoolLevel
} from '../../schemas/schools';
import { isPhoneNumber } from '../../schemas/contact';
import type { Violation } from '../errors';

export const DEFAULT_REGION = '세종';

/** A school's details as typed: strings, blank for absent. */
export interface SchoolInput {
	code?: string;
	nameKo?: string;
	nameEn?: string;
	level?: string;
	region?: string;
	phone?: string;
}

/** The details as stored. */
export interface SchoolValues {
	code: string | null;
	nameKo: string;
	nameEn: string;
	level: SchoolLevel;
	region: string;
	phone: string | null;
}

export type SchoolField = keyof SchoolValues;
export const SCHOOL_FIELDS: readonly SchoolField[] = ['code', 'nameKo', 'nameEn', 'level', 'region', 'phone'];

const isLevel = (value: string): value is SchoolLevel => (SCHOOL_LEVELS as readonly string[]).includes(value);

function checkText(field: SchoolField, value: string, max: number, violations: Violation[], required = false) {
	if (required && !value) violations.push({ rule: field, messageKey: 'field_required' });
	else if (value.length > max) violations.push({ rule: field, messageKey: 'field_too_long', params: { max } });
}

/** Every problem with a school's details, or the values to store (trimmed; blanks made absent). */
export function checkSchool(input: SchoolInput): { ok: true; values: SchoolValues } | { ok: false; violations: Violation[] } {
	const violations: Violation[] = [];
	const code = (input.code ?? '').trim();
	const nameKo = (input.nameKo ?? '').trim();
	const nameEn = (input.nameEn ?? '').trim();
	const level = (input.level ?? '').trim();
	const region = (input.region ?? '').trim();
	const phone = (input.phone ?? '').trim();

	checkText('nameKo', nameKo, SCHOOL_NAME_MAX_LENGTH, violations, true);
	checkText('nameEn', nameEn, SCHOOL_NAME_MAX_LENGTH, violations);
	if (!level) violations.push({ rule: 'level', messageKey: 'school_level_required' });
	else if (!isLevel(level)) violations.push({ rule: 'level', messageKey: 'school_level_invalid' });
	// In the form's order, so the summary above it reads top to bottom.
	if (code && !NEIS_CODE_PATTERN.test(code)) violations.push({ rule: 'code', messageKey: 'school_code_invalid' });
	checkText('region', region, SCHOOL_REGION_MAX_LENGTH, violations);
	if (phone && (phone.length > SCHOOL_PHONE_MAX_LENGTH || !isPhoneNumber(phone)))
		violations.push({ rule: 'phone', messageKey: 'school_phone_invalid' });
	if (violations.length) return { ok: false, violations };
	return {
		ok: true,
		values: {
			code: code || null,
			nameKo,
			// The English pages show the Korean name when no English one is known.
			nameEn: nameEn || nameKo,
			level: level as SchoolLevel,
			region: region || DEFAULT_REGION,
			phone: phone || null
		}
	};
}

/** The fields whose stored value would change; none means the row is unchanged. */
export function changedFields(before: SchoolValues, after: SchoolValues): SchoolField[] {
	return SCHOOL_FIELDS.filter((field) => before[field] !== after[field]);
}
