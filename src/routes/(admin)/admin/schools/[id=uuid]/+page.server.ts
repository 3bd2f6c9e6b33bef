import { getLocale } from '$lib/paraglide/runtime';
import { schoolForm } from '$lib/schemas/schools';
import { requirePermission } from '$lib/server/guards';
import { ensureForm, failValidation } from '$lib/server/http/forms';
import { orNotFound } from '$lib/server/http/not-found';
import * as schools from '$lib/server/org/schools';
import { fieldsOf, typedSchool } from '../school-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'org.manage');
	const school = await orNotFound(schools.get(actor, event.params.id));
	return { school: fieldsOf(school), name: { ko: school.nameKo, en: school.nameEn }, breadcrumb: getLocale() === 'en' ? school.nameEn : school.nameKo, created: event.url.searchParams.has('created') };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requirePermission(event, 'org.manage');
		const form = await event.request.formData();
		const school = typedSchool(form);
		try {
			await schools.get(actor, event.params.id);
			await schools.update(actor, event.params.id, ensureForm(schoolForm, form));
		} catch (e) {
			return failValidation(e, { school });
		}
		return { saved: true, school: null, errors: {} as Record<string, string[]> };
	}
};
