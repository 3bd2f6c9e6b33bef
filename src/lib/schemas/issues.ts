/**
 * Zod's issues as the app's field problems: `{ rule, messageKey, params }`, the shape services
 * return as violations (src/lib/server/errors.ts), so one mapping serves the API's problem+json
 * `violations`, the forms' field errors and the browser. Every schema states its message as a
 * key; a Zod default message (a schema that forgot to) falls back to a generic key per code.
 */
import type * as z from 'zod';

export interface InputProblem {
	/** The field: the first path segment ('recurrence' for recurrence.count), 'body' for the whole input. */
	rule: string;
	messageKey: string;
	params?: Record<string, string | number>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

const MESSAGE_KEY = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

function keyOf(issue: z.core.$ZodIssue): string {
	if (issue.path.length === 0 && issue.code === 'invalid_type') return 'input_body_invalid';
	if (MESSAGE_KEY.test(issue.message)) return issue.message;
	if (issue.code === 'invalid_type' && issue.input === undefined) return 'field_required';
	if (issue.code === 'too_big' && issue.origin === 'string') return 'field_too_long';
	return 'input_invalid';
}

function paramsOf(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
	const params: Record<string, string | number> = {};
	if (issue.code === 'custom' && issue.params)
		for (const [name, value] of Object.entries(issue.params))
			if (typeof value === 'string' || typeof value === 'number') params[name] = value;
	if (issue.code === 'too_big') params.max = Number(issue.maximum);
	if (issue.code === 'too_small') params.min = Number(issue.minimum);
	return Object.keys(params).length ? params : undefined;
}

/**
 * One problem per issue, in the order of `fields` (the form's or the body's field order), then
 * the rest; a field's duplicate messages are dropped.
 */
export function problemsOf(issues: readonly z.core.$ZodIssue[], fields: readonly string[] = []): InputProblem[] {
	const seen = new Set<string>();
	const problems: InputProblem[] = [];
	for (const issue of issues) {
		const head = issue.path[0];
		const rule = typeof head === 'string' ? head : typeof head === 'number' ? String(head) : 'body';
		const messageKey = keyOf(issue);
		if (seen.has(`${rule}\u0000${messageKey}`)) continue;
		seen.add(`${rule}\u0000${messageKey}`);
		const params = paramsOf(issue);
		problems.push(params ? { rule, messageKey, params } : { rule, messageKey });
	}
	const rank = (rule: string) => {
		const i = fields.indexOf(rule);
		return i === -1 ? fields.length : i;
	};
	return problems.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p.rule) - rank(b.p.rule) || a.i - b.i).map(({ p }) => p);
}

/** Field order of an object schema (for problemsOf), or none. */
function fieldsOf(schema: z.ZodType): string[] {
	const def = schema._zod.def as { type: string; shape?: Record<string, unknown>; in?: z.ZodType; innerType?: z.ZodType };
	if (def.shape) return Object.keys(def.shape);
	if (def.in) return fieldsOf(def.in);
	if (def.innerType) return fieldsOf(def.innerType);
	return [];
}

/** Parse `raw` with `schema`: the value, or every problem at once. Never throws on any input. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): Parsed<z.output<S>> {
	// reportInput: tells a missing field (required) from one of the wrong type.
	const result = schema.safeParse(raw, { reportInput: true });
	if (result.success) return { ok: true, value: result.data };
	return { ok: false, problems: problemsOf(result.error.issues, fieldsOf(schema)) };
}

/** A query string as the object a query schema reads (the first value of each name). */
export function queryObject(params: URLSearchParams): Record<string, string> {
	const object: Record<string, string> = Object.create(null);
	for (const [name, value] of params) if (!(name in object)) object[name] = value;
	return object;
}
