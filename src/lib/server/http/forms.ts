import { fail } from '@sveltejs/kit';
import { ValidationError } from '../errors';
import { fieldErrors } from '../i18n';

/** Turn a ValidationError into a form failure with per-field messages and the entered values. */
export function failValidation<V extends object = object>(error: unknown, values?: V) {
	if (error instanceof ValidationError)
		return fail(422, { ...(values ?? ({} as V)), errors: fieldErrors(error.violations) });
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
