import { historyQuery } from '$lib/schemas/history';
import * as clock from '$lib/server/clock';
import { requirePermission } from '$lib/server/guards';
import { schoolHistory } from '$lib/server/history';
import type { PageServerLoad } from './$types';

/** The school's room bookings and consultations in one list (school users; history/index.ts). */
export const load: PageServerLoad = async (event) => {
	// A school's own users (consultations.view of their school); staff and admins get 403.
	const user = requirePermission(event, 'consultations.view', { schoolId: event.locals.user?.schoolId ?? null, departmentId: null });
	const { period, kind, page } = historyQuery.parse(Object.fromEntries(event.url.searchParams));
	return { period, kind, history: await schoolHistory(user, { period, kind, page, now: clock.now() }) };
};
