import { redirect } from '@sveltejs/kit';
import * as login from '$lib/server/auth/login';
import { clearSessionCookie } from '$lib/server/http/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.user) await login.signOut(locals.user.id);
		clearSessionCookie(cookies, url);
		redirect(303, '/login?signed-out');
	}
};
