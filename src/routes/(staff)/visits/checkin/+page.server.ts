import { fail } from '@sveltejs/kit';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/errors';
import { requirePermission } from '$lib/server/guards';
import { fieldErrors, say } from '$lib/server/i18n';
import * as checkin from '$lib/server/visits/checkin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'visits.manage');
	return checkin.dayList(actor);
};

const text = (form: FormData, name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');

async function mark(work: () => Promise<checkin.CheckedIn>, code = '') {
	try {
		return { checkedIn: await work() };
	} catch (e) {
		if (e instanceof ValidationError) return fail(422, { code, errors: fieldErrors(e.violations) });
		if (e instanceof ConflictError || e instanceof NotFoundError) return fail(e.status, { code, message: say(e.messageKey, e.params) });
		throw e;
	}
}

export const actions: Actions = {
	/** A reference typed, or read from the QR code by the camera. */
	code: async (event) => {
		const actor = requirePermission(event, 'visits.manage');
		const code = text(await event.request.formData(), 'code').slice(0, 40);
		if (!code.trim()) return fail(422, { code, errors: { code: [say('field_required')] } });
		return mark(() => checkin.checkIn(actor, { code }, 'arrived'), code);
	},
	/** A row's own button: arrived or did not come. */
	mark: async (event) => {
		const actor = requirePermission(event, 'visits.manage');
		const form = await event.request.formData();
		const attendance = text(form, 'attendance') === 'no_show' ? 'no_show' : 'arrived';
		return mark(() => checkin.checkIn(actor, { id: text(form, 'id') }, attendance));
	}
};
