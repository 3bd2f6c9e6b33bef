import { VISIT_STATUSES, type VisitStatus } from '$lib/server/db/schema';
import { requirePermission } from '$lib/server/guards';
import * as coordination from '$lib/server/visits/coordination';
import type { PageServerLoad } from './$types';

/** The coordinators' inbox: the requests of one status (new by default), with every status's count. */
export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'visits.manage');
	const asked = event.url.searchParams.get('status');
	const status: VisitStatus = (VISIT_STATUSES as readonly string[]).includes(asked ?? '') ? (asked as VisitStatus) : 'new';
	return { status, statuses: VISIT_STATUSES, ...(await coordination.inbox(actor, status)) };
};
