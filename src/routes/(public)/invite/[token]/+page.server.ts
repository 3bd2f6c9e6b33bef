import { fail, redirect } from '@sveltejs/kit';
import { NotFoundError } from '$lib/server/errors';
import { invitationForm } from '$lib/schemas/forms';
import { ensureForm, failValidation, type FieldErrors } from '$lib/server/http/forms';
import { say } from '$lib/server/i18n';
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
		try {
			const { password, confirm } = ensureForm(invitationForm, form);
			if (password !== confirm) return fail(422, { errors: { confirm: [say('password_mismatch')] } as FieldErrors });
			const { token, session } = await users.acceptInvitation(params.token, password);
			setSessionCookie(cookies, url, token, session.expiresAt);
		} catch (error) {
			if (error instanceof NotFoundError) return fail(404, { errors: { password: [say('invite_invalid')] } as FieldErrors });
			return failValidation(error);
		}
		redirect(303, '/dashboard');
	}
};
