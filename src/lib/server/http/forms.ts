import { error as httpError, fail } from '@sveltejs/kit';
import type * as z from 'zod';
import { parseInput } from '../../schemas/issues';
import { DomainError, TooManyRequestsError, ValidationError } from '../errors';
import { fieldErrors, say, throttledMessage } from '../i18n';

/**
 * Turn a ValidationError into a form failure with per-field messages and the entered values.
 * Any other expected refusal (a record that is not there: 404, not allowed: 403, a conflict)
 * becomes that status, never a 500; only the unexpected is thrown on.
 */
export function failValidation<V extends object = object>(error: unknown, values?: V) {
	if (error instanceof ValidationError)
		return fail(422, { ...(values ?? ({} as V)), errors: fieldErrors(error.violations) });
	if (error instanceof TooManyRequestsError) httpError(429, { message: throttledMessage(error.retryAfterSeconds, error.messageKey) });
	if (error instanceof DomainError && error.status < 500) httpError(error.status, { message: say(error.messageKey, error.params) });
	throw error;
}

export type FieldErrors = Record<string, string[]>;
export const noErrors = (): FieldErrors => ({});

export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** Every string value sent under `name` (checkbox groups, multi-selects). */
export function all(form: FormData, name: string): string[] {
	return form.getAll(name).filter((v): v is string => typeof v === 'string');
}

/** A checkbox: sent as "on" when ticked, absent otherwise. */
export function checked(form: FormData, name: string): boolean {
	return form.get(name) === 'on';
}

/** A form's fields (or a GET form's query) as the object a form schema reads: one value as is, several as a list. */
export function formObject(form: Pick<FormData | URLSearchParams, 'keys' | 'getAll'>): Record<string, unknown> {
	const object: Record<string, unknown> = Object.create(null);
	for (const name of new Set(form.keys())) {
		const values = form.getAll(name);
		object[name] = values.length === 1 ? values[0] : values;
	}
	return object;
}

/** Read a form with its schema: the values, or field errors in the user's language. */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData
): { ok: true; value: z.output<S> } | { ok: false; errors: FieldErrors } {
	const parsed = parseInput(schema, formObject(form));
	return parsed.ok ? parsed : { ok: false, errors: fieldErrors(parsed.problems) };
}

/**
 * The form's values through its schema, or a ValidationError (caught by failValidation next to
 * the service's own refusals, so a refused form comes back with its values and field errors).
 */
export function ensureForm<S extends z.ZodType>(schema: S, form: FormData): z.output<S> {
	const parsed = parseInput(schema, formObject(form));
	if (!parsed.ok) throw new ValidationError(parsed.problems);
	return parsed.value;
}
