import { fail } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import * as passwordReset from '$lib/server/auth/password-reset';
import { passwordResetRequestForm } from '$lib/schemas/forms';
import { parseForm, text, type FieldErrors } from '$lib/server/http/forms';
import { say, throttledMessage } from '$lib/server/i18n';
import { formatDuration } from '$lib/time/format';
import type { Actions } from './$types';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Answer {
	email: string;
	errors: FieldErrors;
	message: string | null;
	/** How long the e-mailed link works, once it is (said to be) sent. */
	validFor: string | null;
}

const refused = (status: number, email: string, errors: FieldErrors, message: string | null = null) =>
	fail(status, { email, errors, message, validFor: null } satisfies Answer);

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const form = await request.formData();
		const parsed = parseForm(passwordResetRequestForm, form);
		if (!parsed.ok) return refused(400, text(form, 'email'), parsed.errors);
		const email = parsed.value.email.trim();
		if (!email) return refused(400, email, { email: [say('field_required')] });
		if (!EMAIL_SHAPE.test(email)) return refused(400, email, { email: [say('field_email_invalid')] });

		const result = await passwordReset.request({ email, ip: getClientAddress(), locale: getLocale() });
		if (!result.ok) return refused(429, email, {}, throttledMessage(result.retryAfterSeconds, 'pwreset_throttled'));
		// The same answer whether the address has an account or not.
		const answer: Answer = { email, errors: {}, message: null, validFor: formatDuration(passwordReset.RESET_TTL_MINUTES, getLocale()) };
		return answer;
	}
};
