import { requirePermission } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

/** Facility staff's pages: facility managers and admins. Each action checks again in its service. */
export const load: LayoutServerLoad = (event) => {
	requirePermission(event, 'reservations.approve');
};
