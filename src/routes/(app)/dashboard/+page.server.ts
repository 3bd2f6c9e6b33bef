import * as clock from '$lib/server/clock';
import * as dashboard from '$lib/server/dashboard';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { dashboard: await dashboard.forUser(user, clock.now()), closuresAheadDays: dashboard.CLOSURES_AHEAD_DAYS };
};
