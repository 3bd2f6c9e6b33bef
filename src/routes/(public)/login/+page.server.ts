import { fail, redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/nav';
import * as login from '$lib/server/auth/login';
import { signInForm } from '$lib/schemas/forms';
import { noErrors, parseForm, text, type FieldErrors } from '$lib/server/http/forms';
import { say, throttledMessage } from '$lib/server/i18n';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('next'), '/dashboard'));
	return {
		expired: url.searchParams.has('expired'),
		signedOut: url.searchParams.has('signed-out'),
		passwordReset: url.searchParams.has('password-reset')
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const parsed = parseForm(signInForm, form);
		if (!parsed.ok) return fail(400, { email: text(form, 'email'), errors: parsed.errors, message: null });
		const { email, password } = parsed.value;
		const errors: FieldErrors = {};
		if (!email.trim()) errors.email = [say('field_required')];
		if (!password) errors.password = [say('field_required')];
		if (Object.keys(errors).length) return fail(400, { email, errors, message: null });

		const result = await login.signIn({ email, password, ip: getClientAddress() });
		if (!result.ok) {
			const message =
				result.reason === 'throttled' ? throttledMessage(result.retryAfterSeconds) : say('login_invalid');
			return fail(result.reason === 'throttled' ? 429 : 401, { email, errors: noErrors(), message });
		}
		setSessionCookie(cookies, url, result.token, result.session.expiresAt);
		redirect(303, safeRedirectPath(url.searchParams.get('next'), '/dashboard'));
	}
};
