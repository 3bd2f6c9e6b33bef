import { fail } from '@sveltejs/kit';
import { ConflictError, NotFoundError } from '$lib/server/errors';
import * as approvals from '$lib/server/facility/approvals';
import { requirePermission } from '$lib/server/guards';
import { decisionForm, rejectForm } from '$lib/schemas/forms';
import { ensureForm, failValidation, parseForm, text } from '$lib/server/http/forms';
import { say } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'reservations.approve');
	return { pending: await approvals.listPending(actor) };
};

/** A request someone else decided (or that lapsed) meanwhile: say so instead of failing. */
function gone(error: unknown, id: string) {
	if (error instanceof ConflictError || error instanceof NotFoundError)
		return fail(409, { id, notice: say('booking_not_pending'), errors: {} as Record<string, string[]> });
	throw error;
}

export const actions: Actions = {
	approve: async (event) => {
		const actor = requirePermission(event, 'reservations.approve');
		const parsed = parseForm(decisionForm, await event.request.formData());
		if (!parsed.ok) return fail(422, { id: '', notice: say('booking_not_pending'), errors: parsed.errors });
		const { id } = parsed.value;
		try {
			return { decided: await approvals.approve(actor, id) };
		} catch (error) {
			return gone(error, id);
		}
	},
	reject: async (event) => {
		const actor = requirePermission(event, 'reservations.approve');
		const form = await event.request.formData();
		const id = text(form, 'id');
		const reason = text(form, 'reason');
		try {
			const input = ensureForm(rejectForm, form);
			return { decided: await approvals.reject(actor, input.id, input.reason) };
		} catch (error) {
			if (error instanceof ConflictError || error instanceof NotFoundError) return gone(error, id);
			return failValidation(error, { id, reason });
		}
	}
};
