import { error, fail } from '@sveltejs/kit';
import { visitLinkForm } from '$lib/schemas/visits';
import { TooManyRequestsError } from '$lib/server/errors';
import { formObject, parseForm } from '$lib/server/http/forms';
import { throttledMessage } from '$lib/server/i18n';
import * as visits from '$lib/server/visits/requests';
import type { Actions } from './$types';

export const actions: Actions = {
	/** Mail a new private link when the reference and the address match; the same answer when they do not. */
	default: async (event) => {
		const form = await event.request.formData();
		const values = formObject(form) as Record<string, string>;
		const parsed = parseForm(visitLinkForm, form);
		const typed = { reference: String(values.reference ?? ''), email: String(values.email ?? '') };
		if (!parsed.ok) return fail(422, { ...typed, errors: parsed.errors });
		try {
			await visits.renewLink(parsed.value, { clientAddress: event.getClientAddress() });
		} catch (e) {
			if (e instanceof TooManyRequestsError) error(429, { message: throttledMessage(e.retryAfterSeconds, e.messageKey) });
			throw e;
		}
		return { sent: true };
	}
};
