import { fail } from '@sveltejs/kit';
import { isStaffRole } from '$lib/roles';
import * as feeds from '$lib/server/calendar/feeds';
import * as clock from '$lib/server/clock';
import { requireUser } from '$lib/server/guards';
import { passwordChangeForm } from '$lib/schemas/forms';
import { TooManyRequestsError } from '$lib/server/errors';
import { ensureForm, failValidation } from '$lib/server/http/forms';
import { say, throttledMessage } from '$lib/server/i18n';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import * as users from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const [profile, feed] = await Promise.all([users.getProfile(user.id), feeds.status(user)]);
	return { profile, staff: isStaffRole(user.role), feed };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		try {
			const input = ensureForm(passwordChangeForm, form);
			if (input.newPassword !== input.confirm)
				return fail(422, { passwordChanged: false, errors: { confirm: [say('password_mismatch')] } as Record<string, string[]> });
			const { token, session } = await users.changePassword(user.id, input.currentPassword, input.newPassword, event.getClientAddress());
			setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		} catch (error) {
			if (error instanceof TooManyRequestsError)
				return fail(429, { passwordChanged: false, errors: { currentPassword: [throttledMessage(error.retryAfterSeconds, 'sec_password_check_throttled')] } as Record<string, string[]> });
			return failValidation(error);
		}
		return { passwordChanged: true, errors: {} as Record<string, string[]> };
	},
	/** A new private feed address (the old one stops); shown this once, never stored in the clear. */
	feed: async (event) => {
		const user = requireUser(event);
		const { token } = await feeds.create(user, clock.now());
		return { feedUrl: feeds.feedUrl(event.url.origin, token) };
	},
	feedRevoke: async (event) => {
		const user = requireUser(event);
		await feeds.revoke(user, clock.now());
		return { feedRevoked: true };
	}
};
