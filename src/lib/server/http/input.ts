/**
 * Routes read their input through a schema (src/lib/schemas/): the value, or a ValidationError
 * whose violations become problem+json `violations` (API) or field errors (forms).
 */
import type * as z from 'zod';
import { ValidationError } from '../errors';
import { parseInput, queryObject } from '../../schemas/issues';
import { readJson } from './problem';

/** The parsed value, or a 422 ValidationError listing every problem. */
export function ensureInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
	const parsed = parseInput(schema, raw);
	if (!parsed.ok) throw new ValidationError(parsed.problems);
	return parsed.value;
}

/** A JSON body read with its schema (400 when not JSON, 422 when not of the schema). */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
	return ensureInput(schema, await readJson(request));
}

/** A query string read with its schema (the first value of each name). */
export function readQuery<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
	return ensureInput(schema, queryObject(url.searchParams));
}
