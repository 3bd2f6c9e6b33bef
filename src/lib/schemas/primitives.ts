/**
 * The building blocks of every input schema (API bodies and queries, forms, the live check in
 * the browser): an instant with an offset, a Seoul calendar date, a uuid, safe text. Each refuses
 * with a message key (messages/*.json); `issues.ts` turns Zod's issues into field problems.
 * Pure and browser-safe: never import `$lib/server` here.
 */
import * as z from 'zod';
// Types only (the `.meta({ override })` keys): the browser bundle never carries the generator.
import type {} from 'zod-openapi';
import { isIsoDate, seoulInstant, type IsoDate } from '../time/seoul';
import { UUID_PATTERN } from '../uuid';

// The supported calendar lives in a module without Zod, so pages that only need it (the board's
// links) do not ship Zod to the browser.
export { SUPPORTED_DATES, SUPPORTED_FROM, SUPPORTED_UNTIL, SUPPORTED_YEARS, isSupportedDate, isSupportedInstant, clampDate } from '../time/supported';
import { SUPPORTED_DATES, SUPPORTED_YEARS, isSupportedInstant } from '../time/supported';

const OUT_OF_RANGE = { key: 'input_date_out_of_range', params: { first: SUPPORTED_YEARS.first, last: SUPPORTED_YEARS.last } };

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/** ISO 8601 date and time with an explicit offset: 2026-11-24T14:00:00+09:00 (the zone must never be the server's). */
const INSTANT_SHAPE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

type Problem = { key: string; params?: Record<string, string | number> } | null;

function dateProblem(value: string, invalidKey: string): Problem {
	if (!DATE_SHAPE.test(value)) return { key: invalidKey };
	// Range first: Date.UTC reads years 0–99 as 1900–1999, so isIsoDate cannot judge them.
	if (value < SUPPORTED_DATES.first || value > SUPPORTED_DATES.last) return OUT_OF_RANGE;
	return isIsoDate(value) ? null : { key: invalidKey };
}

function instantProblem(value: string, invalidKey: string): Problem {
	const match = INSTANT_SHAPE.exec(value);
	// The date part is checked on its own: Date would roll 2027-06-31 over to 1 July.
	if (!match) return { key: invalidKey };
	const dateProblemOf = dateProblem(match[1]!, invalidKey);
	// A date on the edge of the range can still be inside it in Seoul (…T23:00-05:00): only refuse impossible ones here.
	if (dateProblemOf && dateProblemOf !== OUT_OF_RANGE) return dateProblemOf;
	const instant = new Date(value);
	if (Number.isNaN(instant.getTime())) return { key: invalidKey };
	return isSupportedInstant(instant) ? null : OUT_OF_RANGE;
}

/** One issue per value, whatever is wrong with it (a message per problem, not three for one typo). */
function refuse(problem: Problem, ctx: z.RefinementCtx) {
	if (problem) ctx.addIssue({ code: 'custom', message: problem.key, params: problem.params });
}

/** A Seoul calendar date 'YYYY-MM-DD': real, inside SUPPORTED_DATES. Stays a string. */
export function calendarDate(invalidKey = 'input_date_invalid') {
	return z
		.string({ error: invalidKey })
		.superRefine((value, ctx) => refuse(dateProblem(value, invalidKey), ctx))
		.meta({
			format: 'date',
			description: `A Seoul calendar date, ${SUPPORTED_DATES.first} to ${SUPPORTED_DATES.last}`,
			example: '2026-11-24'
		});
}

/** An ISO 8601 instant with an offset (…+09:00 or …Z), inside SUPPORTED_DATES; parsed to a Date. */
export function instant(invalidKey = 'input_instant_invalid') {
	return z
		.string({ error: invalidKey })
		.superRefine((value, ctx) => refuse(instantProblem(value, invalidKey), ctx))
		.meta({
			format: 'date-time',
			description: 'ISO 8601 with an offset, e.g. 2026-11-24T14:00:00+09:00',
			example: '2026-11-24T14:00:00+09:00'
		})
		.transform((value) => new Date(value));
}

/**
 * A bound of a time range: an instant with an offset, or a Seoul date standing for its first
 * instant (or, with `endOfDay`, the first instant of the next day: a date `to` is inclusive).
 */
export function dateOrInstant(endOfDay: boolean, invalidKey = 'input_instant_invalid', params?: Record<string, number>) {
	const invalid = { key: invalidKey, params };
	return z
		.unknown()
		.superRefine((value, ctx) => {
			if (typeof value !== 'string') return refuse(invalid, ctx);
			const problem = DATE_SHAPE.test(value) ? dateProblem(value, invalidKey) : instantProblem(value, invalidKey);
			refuse(problem && problem.key === invalidKey ? invalid : problem, ctx);
		})
		.meta({
			description: 'ISO 8601 instant with an offset, or a Seoul date' + (endOfDay ? ' (inclusive)' : ''),
			example: '2026-11-24',
			override: { type: 'string' }
		})
		.transform((value) => {
			const text = value as string;
			return DATE_SHAPE.test(text) ? seoulInstant(text, endOfDay ? 24 * 60 : 0) : new Date(text);
		});
}

/** A uuid key (any version; the database makes v4). */
export function uuid(invalidKey = 'input_invalid') {
	return z.string({ error: invalidKey }).regex(UUID_PATTERN, { error: invalidKey }).meta({ format: 'uuid' });
}

/**
 * C0 control characters and DEL (PostgreSQL refuses NUL in text with 22021; the others are never
 * typed by a person), and lone surrogates (not encodable as UTF-8). Multi-line text keeps tab,
 * line feed and carriage return (a textarea sends CRLF).
 */
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasControlCharacters(value: string, multiline = false): boolean {
	return (multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value);
}

export interface TextOptions {
	/** Longest accepted length after trimming. */
	max: number;
	/** Empty (after trimming) is refused with field_required unless `optional`. */
	optional?: boolean;
	/** Tab and line breaks allowed (textareas). */
	multiline?: boolean;
	/** Message when the value is not a string at all. */
	invalidKey?: string;
}

/** Text as a person types it: trimmed, at most `max` characters, no control characters. */
export function safeText({ max, optional = false, multiline = false, invalidKey = 'input_invalid' }: TextOptions) {
	let schema = z
		.string({ error: invalidKey })
		.refine((value) => !hasControlCharacters(value, multiline), { error: 'input_control_characters', abort: true })
		.trim()
		.max(max, { error: 'field_too_long' });
	if (!optional) schema = schema.min(1, { error: 'field_required' });
	return schema;
}

/** A whole number in [min, max]; one message, with both bounds, whatever is wrong (missing included). */
export function boundedInt(min: number, max: number, invalidKey = 'input_invalid') {
	return z
		.unknown()
		.superRefine((n, ctx) => {
			if (!(typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max)) refuse({ key: invalidKey, params: { min, max } }, ctx);
		})
		.transform((n) => n as number)
		.meta({ override: { type: 'integer', minimum: min, maximum: max } });
}

/** A value that must be one of a fixed table's own keys (never `constructor` or `__proto__`). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, invalidKey = 'input_invalid') {
	return z.enum(values, { error: invalidKey });
}

/**
 * For a cross-field refinement: run it (even when other fields are wrong, to list every problem
 * at once) only on an object whose `fields` parsed; otherwise it would see raw, untransformed
 * values (Zod runs object refinements after non-aborting field issues).
 */
export function whenValid(...fields: string[]) {
	return (payload: z.core.ParsePayload) =>
		typeof payload.value === 'object' &&
		payload.value !== null &&
		!Array.isArray(payload.value) &&
		!payload.issues.some((issue) => !issue.path?.length || fields.includes(String(issue.path[0])));
}

// ---------- Form fields: what a form posts, kept as typed so a refused form comes back unchanged ----------

/**
 * A text field of a form, as typed (not trimmed: the service trims and judges it), absent = ''.
 * Refuses what no browser sends for it: control characters, several values, a file, and text
 * longer (after trimming) than `max`.
 */
export function formText({ max, multiline = false }: { max: number; multiline?: boolean }) {
	return z
		.unknown()
		.superRefine((value, ctx) => {
			if (value === undefined) return;
			if (typeof value !== 'string') return refuse({ key: 'input_invalid' }, ctx);
			if (hasControlCharacters(value, multiline)) return refuse({ key: 'input_control_characters' }, ctx);
			if (value.trim().length > max) refuse({ key: 'field_too_long', params: { max } }, ctx);
		})
		.transform((value) => (value === undefined ? '' : (value as string)))
		.meta({ override: { type: 'string', maxLength: max } })
		// An absent field is '' (a pipe alone would make the key required).
		.default('');
}

/** A checkbox group or multi-select: every value sent under the name (none = []), each short, plain text. */
export function formList({ max = 200, maxItems = 100 }: { max?: number; maxItems?: number } = {}) {
	return z
		.unknown()
		.superRefine((value, ctx) => {
			const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
			if (list.length > maxItems || list.some((v) => typeof v !== 'string' || v.length > max || hasControlCharacters(v)))
				refuse({ key: 'input_invalid' }, ctx);
		})
		.transform((value) => (value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string]))
		.meta({ override: { type: 'array', items: { type: 'string' } } })
		.default(() => []);
}

/**
 * A file input: the File a browser sends (an empty one when nothing was chosen), or absent (null).
 * Text or several files under the name are refused. What the file holds is the service's to judge.
 */
export function formFile() {
	return z
		.unknown()
		.superRefine((value, ctx) => {
			if (value !== undefined && !(value instanceof File)) refuse({ key: 'input_invalid' }, ctx);
		})
		.transform((value) => (value instanceof File ? value : null))
		.meta({ override: { type: 'string', format: 'binary' } })
		// An absent field is null (a pipe alone would make the key required).
		.default(null);
}

/** A checkbox: sent as "on" when ticked, absent otherwise. */
export function formCheckbox() {
	return z
		.unknown()
		.transform((value) => value === 'on')
		.meta({ override: { type: 'boolean' } })
		.default(false);
}
