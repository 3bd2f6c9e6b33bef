import { fail } from '@sveltejs/kit';
import * as clock from '$lib/server/clock';
import { DomainError } from '$lib/server/errors';
import { requireUser } from '$lib/server/guards';
import { cancelForm } from '$lib/schemas/forms';
import { ensureForm, text } from '$lib/server/http/forms';
import { say } from '$lib/server/i18n';
import * as reservations from '$lib/server/rooms/bookings';
import { listMine, PAST_LIMIT } from '$lib/server/rooms/mine';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { bookings: await listMine(user, { now: clock.now() }), pastLimit: PAST_LIMIT };
};

export const actions: Actions = {
	cancel: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const id = text(form, 'id');
		try {
			const input = ensureForm(cancelForm, form);
			const scope = input.scope === 'following' ? 'following' : 'one';
			const { cancelled } = await reservations.cancel(user, input.id, { scope });
			return { cancelledId: id, cancelledCount: cancelled.length };
		} catch (error) {
			if (error instanceof DomainError && error.status < 500)
				return fail(error.status, { cancelError: say(error.messageKey, error.params), failedId: id });
			throw error;
		}
	}
};
