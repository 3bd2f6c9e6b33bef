import { fail } from '@sveltejs/kit';
import { NotFoundError } from '$lib/server/errors';
import * as closures from '$lib/server/facility/closures';
import { requirePermission } from '$lib/server/guards';
import { closureForm, decisionForm } from '$lib/schemas/forms';
import { ensureForm, failValidation, parseForm, text } from '$lib/server/http/forms';
import { say } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'rooms.manage');
	const [upcoming, rooms] = await Promise.all([closures.listUpcoming(actor), closures.roomChoices()]);
	return { upcoming, rooms };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requirePermission(event, 'rooms.manage');
		const form = await event.request.formData();
		const values: closures.ClosureInput = {
			roomId: text(form, 'roomId'),
			fromDate: text(form, 'fromDate'),
			fromTime: text(form, 'fromTime'),
			toDate: text(form, 'toDate'),
			toTime: text(form, 'toTime'),
			reason: text(form, 'reason')
		};
		try {
			const { confirm, shown, cancel, ...input } = ensureForm(closureForm, form);
			const outcome = await closures.create(actor, input, { confirm: confirm === '1', shownIds: shown, cancelIds: cancel });
			if (outcome.status === 'confirm') return { values, affected: outcome.affected };
			return { created: { cancelled: outcome.cancelledIds.length, kept: outcome.keptIds.length } };
		} catch (e) {
			return failValidation(e, { values });
		}
	},
	delete: async (event) => {
		const actor = requirePermission(event, 'rooms.manage');
		const parsed = parseForm(decisionForm, await event.request.formData());
		if (!parsed.ok) return fail(404, { notice: say('facility_closure_gone') });
		try {
			await closures.remove(actor, parsed.value.id);
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { notice: say('facility_closure_gone') });
			throw e;
		}
		return { deleted: true };
	}
};
