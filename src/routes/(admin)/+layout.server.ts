import { requirePermission } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

/** The admin area: administrators only. Each action checks again in its service. */
export const load: LayoutServerLoad = (event) => {
	requirePermission(event, 'users.manage');
};
