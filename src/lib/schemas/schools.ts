/**
 * The school forms of the admin area (add, edit, the list's search, the CSV import), as typed.
 * The service judges the values (required, the NEIS code's shape, known levels) for the form and
 * for every CSV row alike: src/lib/server/org/school-rules.ts.
 * Pure and browser-safe: never import `$lib/server` here.
 */
import * as z from 'zod';
import { formText } from './primitives';

export const SCHOOL_LEVELS = ['elementary', 'middle', 'high', 'special', 'other'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export const SCHOOL_NAME_MAX_LENGTH = 100;
export const SCHOOL_REGION_MAX_LENGTH = 40;
export const SCHOOL_PHONE_MAX_LENGTH = 20;
/** NEIS 행정표준코드 of a school: exactly seven digits (e.g. 7751032). */
export const NEIS_CODE_PATTERN = /^\d{7}$/;

/** Add or edit a school: each field as typed (a code with a stray space is judged, not refused here). */
export const schoolForm = z.object({
	code: formText({ max: 20 }),
	nameKo: formText({ max: SCHOOL_NAME_MAX_LENGTH }),
	nameEn: formText({ max: SCHOOL_NAME_MAX_LENGTH }),
	level: formText({ max: 20 }),
	region: formText({ max: SCHOOL_REGION_MAX_LENGTH }),
	phone: formText({ max: SCHOOL_PHONE_MAX_LENGTH + 10 })
});
export type SchoolFormInput = z.output<typeof schoolForm>;

/** The list's search: words (a name in either language or a code), a level, a page. */
export const schoolListQuery = z.object({
	q: formText({ max: 100 }).catch(''),
	level: z.enum(SCHOOL_LEVELS).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1)
});
export type SchoolListQuery = z.output<typeof schoolListQuery>;

/** 1 MB: a whole region's schools fit many times over. */
export const SCHOOL_IMPORT_MAX_BYTES = 1024 * 1024;
export const SCHOOL_IMPORT_MAX_ROWS = 2000;

/**
 * The import's confirm step: the file's text as it was previewed, sent back from a hidden
 * textarea (no state kept on the server between the two steps).
 */
export const schoolImportConfirmForm = z.object({
	// Hangul is 3 bytes in UTF-8 but 2 in EUC-KR: the decoded text of a 1 MB file may be larger.
	csv: formText({ max: SCHOOL_IMPORT_MAX_BYTES * 2, multiline: true })
});

/** The import's first step: one CSV file, not empty, at most SCHOOL_IMPORT_MAX_BYTES. */
export const schoolImportUploadForm = z.object({
	file: z
		.unknown()
		.superRefine((value, ctx) => {
			if (typeof File === 'undefined' || !(value instanceof File) || value.size === 0)
				ctx.addIssue({ code: 'custom', message: 'school_import_no_file' });
			else if (value.size > SCHOOL_IMPORT_MAX_BYTES)
				ctx.addIssue({ code: 'custom', message: 'school_import_too_large', params: { max: '1 MB' } });
		})
		.transform((value) => value as File)
		.meta({ override: { type: 'string', format: 'binary' } })
});
