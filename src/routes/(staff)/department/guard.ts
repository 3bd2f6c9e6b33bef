import type { RequestEvent } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/guards';

/** Department staff handling their own department's consultations (layout, loads and every action). */
export const requireDepartmentStaff = (event: Pick<RequestEvent, 'locals' | 'url'>) =>
	requirePermission(event, 'consultations.handle', { departmentId: event.locals.user?.departmentId ?? null });
