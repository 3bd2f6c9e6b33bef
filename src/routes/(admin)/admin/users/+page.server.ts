import { queryObject } from '$lib/schemas/issues';
import { userListQuery } from '$lib/schemas/users';
import { requirePermission } from '$lib/server/guards';
import * as org from '$lib/server/org';
import * as users from '$lib/server/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'users.manage');
	// Every field falls back to "any": a hand-edited address shows the list, never an error page.
	const query = userListQuery.parse(queryObject(event.url.searchParams));
	const [result, departments, schools] = await Promise.all([users.list(actor, query), org.listDepartments(), org.listSchools()]);
	return { query, result, departments, schools, invited: event.url.searchParams.get('invited') };
};
