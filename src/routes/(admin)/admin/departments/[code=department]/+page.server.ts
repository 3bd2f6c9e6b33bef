import { getLocale } from '$lib/paraglide/runtime';
import { requirePermission } from '$lib/server/guards';
import { failValidation, formObject } from '$lib/server/http/forms';
import { orNotFound } from '$lib/server/http/not-found';
import * as departments from '$lib/server/org/departments';
import type { Department } from '$lib/server/db/schema';
import type { Actions, PageServerLoad } from './$types';

/** The form's fields, as typed or as stored (blank for absent). */
export interface DepartmentFieldValues {
	nameKo: string;
	nameEn: string;
	phone: string;
	email: string;
	location: string;
	description: string;
}

const FIELDS = ['nameKo', 'nameEn', 'phone', 'email', 'location', 'description'] as const;
const fieldsOf = (row: Department): DepartmentFieldValues => Object.fromEntries(FIELDS.map((f) => [f, row[f] ?? ''])) as unknown as DepartmentFieldValues;
const typed = (form: FormData): DepartmentFieldValues =>
	Object.fromEntries(FIELDS.map((f) => [f, typeof form.get(f) === 'string' ? (form.get(f) as string) : ''])) as unknown as DepartmentFieldValues;

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'org.manage');
	const d = await orNotFound(departments.get(actor, event.params.code));
	return { code: d.code, values: fieldsOf(d), name: { ko: d.nameKo, en: d.nameEn }, breadcrumb: getLocale() === 'en' ? d.nameEn : d.nameKo };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requirePermission(event, 'org.manage');
		const form = await event.request.formData();
		const values = typed(form);
		try {
			await departments.update(actor, event.params.code, formObject(form));
		} catch (e) {
			return failValidation(e, { values });
		}
		return { saved: true, values: null, errors: {} as Record<string, string[]> };
	}
};
