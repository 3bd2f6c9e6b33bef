import { error, fail } from '@sveltejs/kit';
import { visitMessageInput, visitToken } from '$lib/schemas/visits';
import { parseInput } from '$lib/schemas/issues';
import { ConflictError } from '$lib/server/errors';
import { formObject } from '$lib/server/http/forms';
import { orNotFound } from '$lib/server/http/not-found';
import { fieldErrors, say } from '$lib/server/i18n';
import { qrSvg } from '$lib/server/qr';
import * as visits from '$lib/server/visits/requests';
import type { Actions, PageServerLoad } from './$types';

/** A token of the wrong shape is a 404 like an unknown one (and never reaches the database). */
function tokenOf(params: { token: string }): string {
	if (!visitToken.safeParse(params.token).success) error(404, { message: 'not found' });
	return params.token;
}

export const load: PageServerLoad = async (event) => {
	// Only the holder of the link reads it: never cached, never indexed.
	event.setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const visit = await orNotFound(visits.byToken(tokenOf(event.params)));
	// The reference as a QR code for the check-in on the day, drawn on the server (no script, prints sharp).
	const qr = visit.status === 'confirmed' ? await qrSvg(visit.reference) : null;
	return { visit, qr };
};

export const actions: Actions = {
	cancel: async (event) => {
		try {
			await orNotFound(visits.cancelByDelegation(tokenOf(event.params)));
			return { cancelled: true };
		} catch (e) {
			if (e instanceof ConflictError) return fail(409, { message: say(e.messageKey) });
			throw e;
		}
	},
	accept: async (event) => {
		try {
			await orNotFound(visits.acceptProposal(tokenOf(event.params)));
			return { accepted: true };
		} catch (e) {
			if (e instanceof ConflictError) return fail(409, { message: say(e.messageKey) });
			throw e;
		}
	},
	message: async (event) => {
		const token = tokenOf(event.params);
		const form = await event.request.formData();
		const parsed = parseInput(visitMessageInput, formObject(form));
		const body = typeof form.get('body') === 'string' ? String(form.get('body')) : '';
		if (!parsed.ok) return fail(422, { body, errors: fieldErrors(parsed.problems) });
		try {
			await orNotFound(visits.messageFromDelegation(token, parsed.value.body));
			return { sent: true };
		} catch (e) {
			if (e instanceof ConflictError) return fail(409, { body, message: say(e.messageKey) });
			throw e;
		}
	}
};
