import { getLocale } from '$lib/paraglide/runtime';
import { STAFF_IDLE_WARNING_MS } from '$lib/server/auth/sessions';
import * as clock from '$lib/server/clock';
import { countPending } from '$lib/server/facility/approvals';
import { isStaffRole } from '$lib/roles';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	// Read the path so this load runs on every navigation: the staff idle deadline moves with each request.
	void url.pathname;
	const { user, session } = locals;
	return {
		locale: getLocale(),
		ui: locals.ui,
		user: user ? { name: user.name, email: user.email, role: user.role } : null,
		// Zero for everyone who does not decide requests (no query then).
		pendingApprovals: user ? await countPending(user, clock.now()) : 0,
		idle:
			user && session && isStaffRole(user.role)
				? // How long is left, not when: the browser's clock may be wrong, so it counts down from now.
					{ remainingMs: session.expiresAt.getTime() - clock.now().getTime(), warningMs: STAFF_IDLE_WARNING_MS }
				: null
	};
};
