import * as bookings from '$lib/server/consultations/bookings';
import * as clock from '$lib/server/clock';
import { requirePermission } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** The school's consultations (any of its users'), upcoming first by start, then the past ones newest first. */
export const load: PageServerLoad = async (event) => {
	const user = requirePermission(event, 'consultations.book');
	const now = clock.now().getTime();
	const all = user.schoolId ? await bookings.list(user, { schoolId: user.schoolId }) : [];
	const isUpcoming = (c: bookings.ConsultationView) => Date.parse(c.end) > now && (c.status === 'requested' || c.status === 'confirmed');
	return {
		upcoming: all.filter(isUpcoming).sort((a, b) => Date.parse(a.start) - Date.parse(b.start)),
		past: all.filter((c) => !isUpcoming(c))
	};
};
