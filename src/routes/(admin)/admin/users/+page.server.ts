import { requirePermission } from '$lib/server/guards';
import * as users from '$lib/server/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'users.manage');
	const invited = event.url.searchParams.get('invited');
	return { users: await users.list(actor), invited };
};
