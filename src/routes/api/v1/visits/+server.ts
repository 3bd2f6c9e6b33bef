import { json } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { visitRequestInput } from '$lib/schemas/visits';
import { ValidationError } from '$lib/server/errors';
import { ensureInput } from '$lib/server/http/input';
import { problem, problemFromError, readJson } from '$lib/server/http/problem';
import { say } from '$lib/server/i18n';
import * as visits from '$lib/server/visits/requests';
import type { RequestHandler } from './$types';

/**
 * A delegation requests a visit (public, no session). 201 with the reference and the private
 * link (also e-mailed); 422 with `errors` {field: message} beside the usual `violations`; 429
 * when the sender's address has sent too many.
 */
export const POST: RequestHandler = async (event) => {
	try {
		const input = ensureInput(visitRequestInput, await readJson(event.request));
		const done = await visits.submit(input, { locale: getLocale() === 'en' ? 'en' : 'ko', clientAddress: event.getClientAddress() });
		return json({ reference: done.reference, manageUrl: done.manageUrl }, { status: 201 });
	} catch (error) {
		if (error instanceof ValidationError) {
			const errors: Record<string, string> = {};
			for (const v of error.violations) errors[v.rule] ??= say(v.messageKey, v.params);
			return problem(422, 'validation', 'error_validation_title', {
				errors,
				violations: error.violations.map((v) => ({ rule: v.rule, message: say(v.messageKey, v.params) }))
			});
		}
		return problemFromError(error, event.locals.requestId);
	}
};
