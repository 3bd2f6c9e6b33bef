import { requirePermission } from '$lib/server/guards';
import * as departments from '$lib/server/org/departments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'org.manage');
	return { departments: await departments.list(actor) };
};
