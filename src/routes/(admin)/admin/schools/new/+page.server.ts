import { redirect } from '@sveltejs/kit';
import { schoolForm } from '$lib/schemas/schools';
import { requirePermission } from '$lib/server/guards';
import { ensureForm, failValidation } from '$lib/server/http/forms';
import * as schools from '$lib/server/org/schools';
import { blankSchool, typedSchool } from '../school-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requirePermission(event, 'org.manage');
	return { school: blankSchool() };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requirePermission(event, 'org.manage');
		const form = await event.request.formData();
		const school = typedSchool(form);
		let id: string;
		try {
			id = (await schools.create(actor, ensureForm(schoolForm, form))).id;
		} catch (e) {
			return failValidation(e, { school });
		}
		redirect(303, `/admin/schools/${id}?created`);
	}
};
