import { error as httpError, fail } from '@sveltejs/kit';
import { DomainError, ValidationError } from '../errors';
import { fieldErrors, say } from '../i18n';

/**
 * Turn a ValidationError into a form failure with per-field messages and the entered values.
 * Any other expected refusal (a record that is not there: 404, not allowed: 403, a conflict)
 * becomes that status, never a 500; only the unexpected is thrown on.
 */
export function failValidation<V extends object = object>(error: unknown, values?: V) {
	if (error instanceof ValidationError)
		return fail(422, { ...(values ?? ({} as V)), errors: fieldErrors(error.violations) });
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
