import { queryObject } from '$lib/schemas/issues';
import * as queue from '$lib/server/consultations/queue';
import type { PageServerLoad } from './$types';
import { requireDepartmentStaff } from './guard';
import { queueQuery } from './queue-query';

export const load: PageServerLoad = async (event) => {
	const actor = requireDepartmentStaff(event);
	const query = queueQuery.parse(queryObject(event.url.searchParams));
	const result = await queue.forDepartment(actor, { consultantId: query.consultant, status: query.status });
	return { query, ...result, statuses: queue.QUEUE_STATUSES };
};
