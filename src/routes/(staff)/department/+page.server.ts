import { queryObject } from '$lib/schemas/issues';
import * as clock from '$lib/server/clock';
import * as queue from '$lib/server/consultations/queue';
import { sessionsOf } from '$lib/server/visits/itinerary';
import type { PageServerLoad } from './$types';
import { requireDepartmentStaff } from './guard';
import { queueQuery } from './queue-query';

export const load: PageServerLoad = async (event) => {
	const actor = requireDepartmentStaff(event);
	const query = queueQuery.parse(queryObject(event.url.searchParams));
	const result = await queue.forDepartment(actor, { consultantId: query.consultant, status: query.status });
	// Visit sessions the department's consultants present: their consultation slots are closed then.
	const visitSessions = await sessionsOf(result.consultants.map((c) => c.id), clock.now());
	// The calendar opens on the app's today (its clock), not the browser's.
	return { query, ...result, visitSessions, statuses: queue.QUEUE_STATUSES, now: clock.now().toISOString() };
};
