import { fail, redirect } from '@sveltejs/kit';
import * as passwordReset from '$lib/server/auth/password-reset';
import { NotFoundError } from '$lib/server/errors';
import { passwordResetForm } from '$lib/schemas/forms';
import { ensureForm, failValidation, type FieldErrors } from '$lib/server/http/forms';
import { say } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const open = await passwordReset.findOpen(params.token);
	return { reset: open ? { email: open.email } : null };
};

export const actions: Actions = {
	default: async ({ request, params }) => {
		const form = await request.formData();
		try {
			const { password, confirm } = ensureForm(passwordResetForm, form);
			if (password !== confirm) return fail(422, { errors: { confirm: [say('password_mismatch')] } as FieldErrors });
			await passwordReset.complete(params.token, password);
		} catch (error) {
			if (error instanceof NotFoundError) return fail(404, { errors: { password: [say('pwreset_link_invalid')] } as FieldErrors });
			return failValidation(error);
		}
		// Every session of the account is over: sign in afresh with the new password.
		redirect(303, '/login?password-reset');
	}
};
