import { requirePermission } from '$lib/server/guards';
import { roleForm } from '$lib/schemas/forms';
import { ensureForm, failValidation, text } from '$lib/server/http/forms';
import * as org from '$lib/server/org';
import * as users from '$lib/server/users';
import { NotFoundError } from '$lib/server/errors';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'users.manage');
	try {
		const [user, departments, schools] = await Promise.all([
			users.getForAdmin(actor, event.params.id),
			org.listDepartments(),
			org.listSchools()
		]);
		return { target: user, departments, schools, breadcrumb: user.name };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
};

type Outcome = { done: 'role' | 'deactivated' | 'reactivated' | 'reinvited'; inviteUrl?: string; errors: Record<string, string[]> };

export const actions: Actions = {
	role: async (event) => {
		const actor = requirePermission(event, 'users.manage');
		const form = await event.request.formData();
		const values = {
			role: text(form, 'role'),
			departmentId: text(form, 'departmentId') || null,
			schoolId: text(form, 'schoolId') || null
		};
		try {
			await users.ensureUserExists(actor, event.params.id);
			const input = ensureForm(roleForm, form);
			await users.updateRole(actor, event.params.id, {
				role: input.role,
				departmentId: input.departmentId || null,
				schoolId: input.schoolId || null
			});
		} catch (e) {
			return failValidation(e, { values });
		}
		return { done: 'role', errors: {} } satisfies Outcome;
	},
	deactivate: async (event) => {
		const actor = requirePermission(event, 'users.manage');
		try {
			await users.setActive(actor, event.params.id, false);
		} catch (e) {
			return failValidation(e);
		}
		return { done: 'deactivated', errors: {} } satisfies Outcome;
	},
	reactivate: async (event) => {
		const actor = requirePermission(event, 'users.manage');
		try {
			await users.setActive(actor, event.params.id, true);
		} catch (e) {
			return failValidation(e);
		}
		return { done: 'reactivated', errors: {} } satisfies Outcome;
	},
	reinvite: async (event) => {
		const actor = requirePermission(event, 'users.manage');
		let inviteUrl: string;
		try {
			inviteUrl = await users.reissueInvitation(actor, event.params.id);
		} catch (e) {
			return failValidation(e);
		}
		return { done: 'reinvited', inviteUrl, errors: {} } satisfies Outcome;
	}
};
