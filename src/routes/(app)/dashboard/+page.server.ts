import { can } from '$lib/server/auth/permissions';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { canManageUsers: can(user, 'users.manage'), canViewOutbox: can(user, 'outbox.view') };
};
