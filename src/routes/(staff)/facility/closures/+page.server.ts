import { fail } from '@sveltejs/kit';
import { NotFoundError } from '$lib/server/errors';
import * as closures from '$lib/server/facility/closures';
import { requirePermission } from '$lib/server/guards';
import { closureDeleteForm, closureForm } from '$lib/schemas/forms';
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
			reason: text(form, 'reason'),
			allDay: text(form, 'allDay') === 'on',
			repeat: text(form, 'repeat') || 'none',
			repeatUntil: text(form, 'repeatUntil')
		};
		try {
			const { confirm, shown, cancel, repeat, ...input } = ensureForm(closureForm, form);
			const outcome = await closures.create(actor, { ...input, repeat: repeat || 'none' }, { confirm: confirm === '1', shownIds: shown, cancelIds: cancel });
			if (outcome.status === 'confirm') return { values, affected: outcome.affected };
			return { created: { cancelled: outcome.cancelledIds.length, kept: outcome.keptIds.length, occurrences: outcome.occurrences } };
		} catch (e) {
			return failValidation(e, { values });
		}
	},
	/** First submit: show what would be deleted and ask (works without JavaScript); with `confirm`, delete. */
	delete: async (event) => {
		const actor = requirePermission(event, 'rooms.manage');
		const parsed = parseForm(closureDeleteForm, await event.request.formData());
		if (!parsed.ok) return fail(404, { notice: say('facility_closure_gone') });
		const { id, scope, confirm } = parsed.value;
		if (confirm !== '1') {
			const target = await closures.forRemoval(actor, id);
			if (!target) return fail(404, { notice: say('facility_closure_gone') });
			return { confirmDelete: target };
		}
		try {
			const count = await closures.remove(actor, id, scope === 'series' ? 'series' : 'one');
			return { deleted: count };
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { notice: say('facility_closure_gone') });
			throw e;
		}
	}
};
