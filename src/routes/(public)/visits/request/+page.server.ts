import { fail } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { parseVisitForm, VISIT_FORM_FIELDS } from '$lib/schemas/visits';
import { catalog } from '$lib/server/consultations/store';
import { ValidationError } from '$lib/server/errors';
import { failValidation, formObject } from '$lib/server/http/forms';
import { fieldErrors, say } from '$lib/server/i18n';
import * as visits from '$lib/server/visits/requests';
import type { Actions, PageServerLoad } from './$types';

/** The departments and their topics, for the "interests" part of the form. */
async function interests() {
	return (await catalog()).map((d) => ({
		code: d.department.code,
		nameKo: d.department.nameKo,
		nameEn: d.department.nameEn,
		topics: d.topics.map((t) => ({ id: t.id, nameKo: t.nameKo, nameEn: t.nameEn }))
	}));
}

/** What was typed, as strings and lists, to show again after a refusal. */
function typed(form: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	const raw = formObject(form);
	for (const name of [...VISIT_FORM_FIELDS, 'website']) {
		const v = raw[name];
		values[name] = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? v : '';
	}
	for (const list of ['departments', 'topicIds']) if (!Array.isArray(values[list])) values[list] = values[list] ? [values[list] as string] : [];
	return values;
}

export const load: PageServerLoad = async () => ({ interests: await interests() });

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = typed(form);
		// The honeypot: a field people never see; a script that fills every field is refused, nothing stored.
		if (values.website) return fail(422, { values, message: say('visit_spam'), errors: {} });
		const parsed = parseVisitForm(form);
		if (!parsed.ok) return fail(422, { values, errors: fieldErrors(parsed.problems) });
		try {
			const done = await visits.submit(parsed.value, { locale: getLocale() === 'en' ? 'en' : 'ko', clientAddress: event.getClientAddress() });
			return { done: { reference: done.reference, manageUrl: done.manageUrl, path: new URL(done.manageUrl).pathname } };
		} catch (error) {
			// A refused date belongs on its own field (date1 …).
			if (error instanceof ValidationError)
				return fail(422, {
					values,
					errors: fieldErrors(error.violations.map((v) => (v.rule === 'preferredDates' ? { ...v, rule: `date${v.params?.n ?? 1}` } : v)))
				});
			return failValidation(error, { values });
		}
	}
};
