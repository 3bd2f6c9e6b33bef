import { getLocale } from '$lib/paraglide/runtime';
import { STAFF_IDLE_WARNING_MS } from '$lib/server/auth/sessions';
import { isStaffRole } from '$lib/roles';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	// Read the path so this load runs on every navigation: the staff idle deadline moves with each request.
	void url.pathname;
	const { user, session } = locals;
	return {
		locale: getLocale(),
		ui: locals.ui,
		user: user ? { name: user.name, email: user.email, role: user.role } : null,
		idle:
			user && session && isStaffRole(user.role)
				? { expiresAt: session.expiresAt.toISOString(), warningMs: STAFF_IDLE_WARNING_MS }
				: null
	};
};
