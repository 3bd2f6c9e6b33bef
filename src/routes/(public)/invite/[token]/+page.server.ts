import { fail, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { NotFoundError, ValidationError } from '$lib/server/errors';
import { invitationForm } from '$lib/schemas/forms';
import { ensureForm, failValidation, type FieldErrors } from '$lib/server/http/forms';
import { fieldErrors, say } from '$lib/server/i18n';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import * as users from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const open = await users.findOpenInvitation(params.token);
	return { invitation: open ? { name: open.name, email: open.email } : null };
};

export const actions: Actions = {
	default: async ({ request, params, cookies, url }) => {
		const form = await request.formData();
		// What a refusal keeps: the consent tick. A typed password is never sent back into the page
		// (it would sit in the HTML and in the form's serialised data); the fields come back empty.
		let kept = { consent: false };
		try {
			const input = ensureForm(invitationForm, form);
			kept = { consent: input.consent };
			const errors: FieldErrors = {};
			if (input.password !== input.confirm) errors.confirm = [say('password_mismatch')];
			if (!input.consent) errors.consent = [say('consent_required')];
			if (Object.keys(errors).length) return fail(422, { ...kept, errors });
			const { token, session } = await users.acceptInvitation(params.token, input.password, {
				agreed: input.consent,
				locale: getLocale()
			});
			setSessionCookie(cookies, url, token, session.expiresAt);
		} catch (error) {
			if (error instanceof NotFoundError) return fail(404, { ...kept, errors: { password: [say('invite_invalid')] } as FieldErrors });
			if (error instanceof ValidationError) return fail(422, { ...kept, errors: fieldErrors(error.violations) });
			return failValidation(error, kept);
		}
		redirect(303, '/dashboard');
	}
};
