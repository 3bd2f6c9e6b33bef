import { requirePermission } from '$lib/server/guards';
import { userForm } from '$lib/schemas/forms';
import { ensureForm, failValidation, text } from '$lib/server/http/forms';
import * as org from '$lib/server/org';
import * as users from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'users.manage');
	const [departments, schools] = await Promise.all([org.listDepartments(), org.listSchools()]);
	return { departments, schools };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requirePermission(event, 'users.manage');
		const form = await event.request.formData();
		const values = {
			email: text(form, 'email'),
			name: text(form, 'name'),
			role: text(form, 'role'),
			departmentId: text(form, 'departmentId') || null,
			schoolId: text(form, 'schoolId') || null
		};
		try {
			const input = ensureForm(userForm, form);
			const { user, inviteUrl } = await users.createWithInvitation(actor, {
				...input,
				departmentId: input.departmentId || null,
				schoolId: input.schoolId || null
			});
			return { invited: { email: user.email, url: inviteUrl }, values: null, errors: {} as Record<string, string[]> };
		} catch (error) {
			return failValidation(error, { values });
		}
	}
};
