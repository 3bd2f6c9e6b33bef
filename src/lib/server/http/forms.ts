import { fail } from '@sveltejs/kit';
import { ValidationError } from '../errors';
import { fieldErrors } from '../i18n';

/** Turn a ValidationError into a form failure with per-field messages and the entered values. */
export function failValidation(error: unknown, values: Record<string, unknown> = {}) {
	if (error instanceof ValidationError) return fail(422, { ...values, errors: fieldErrors(error.violations) });
	throw error;
}

export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}
