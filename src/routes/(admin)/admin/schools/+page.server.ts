import { schoolListQuery } from '$lib/schemas/schools';
import { queryObject } from '$lib/schemas/issues';
import { requirePermission } from '$lib/server/guards';
import * as schools from '$lib/server/org/schools';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'org.manage');
	// Every field falls back to its default: a hand-edited query shows the list, never an error page.
	const query = schoolListQuery.parse(queryObject(event.url.searchParams));
	return { query, result: await schools.list(actor, query) };
};
