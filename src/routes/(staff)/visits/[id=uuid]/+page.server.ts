import { fail } from '@sveltejs/kit';
import { parseInput } from '$lib/schemas/issues';
import { visitDateChoice, visitDeclineForm, visitMessageInput, visitProposeForm } from '$lib/schemas/visits';
import { ConflictError, ValidationError } from '$lib/server/errors';
import { requirePermission } from '$lib/server/guards';
import { formObject } from '$lib/server/http/forms';
import { orNotFound } from '$lib/server/http/not-found';
import { fieldErrors, say } from '$lib/server/i18n';
import * as coordination from '$lib/server/visits/coordination';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'visits.manage');
	const visit = await orNotFound(coordination.detail(actor, event.params.id));
	return { visit, breadcrumb: visit.reference };
};

/** Read the posted form: a preferred date given as "date/period" in `choice` is split into its two fields. */
async function posted(request: Request): Promise<Record<string, unknown>> {
	const raw = formObject(await request.formData());
	if (typeof raw.choice === 'string' && raw.choice.includes('/')) {
		const [date, period] = raw.choice.split('/');
		return { ...raw, date, period };
	}
	return raw;
}

/** Run one decision: its refusals come back to the page in words (field by field for a bad form). */
async function run(action: string, values: Record<string, unknown>, work: () => Promise<void>) {
	try {
		await work();
		return { done: action };
	} catch (e) {
		if (e instanceof ValidationError) return fail(422, { action, values, errors: fieldErrors(e.violations) });
		if (e instanceof ConflictError) return fail(409, { action, values, message: say(e.messageKey) });
		throw e;
	}
}

export const actions: Actions = {
	confirm: async (event) => {
		const actor = requirePermission(event, 'visits.manage');
		const values = await posted(event.request);
		const input = parseInput(visitDateChoice, values);
		if (!input.ok) return fail(422, { action: 'confirm', values, errors: fieldErrors(input.problems) });
		return run('confirm', values, () => orNotFound(coordination.confirm(actor, event.params.id, input.value)));
	},
	propose: async (event) => {
		const actor = requirePermission(event, 'visits.manage');
		const values = await posted(event.request);
		const input = parseInput(visitProposeForm, values);
		if (!input.ok) return fail(422, { action: 'propose', values, errors: fieldErrors(input.problems) });
		return run('propose', values, () => orNotFound(coordination.propose(actor, event.params.id, input.value, input.value.message)));
	},
	decline: async (event) => {
		const actor = requirePermission(event, 'visits.manage');
		const values = await posted(event.request);
		const input = parseInput(visitDeclineForm, values);
		if (!input.ok) return fail(422, { action: 'decline', values, errors: fieldErrors(input.problems) });
		return run('decline', values, () => orNotFound(coordination.decline(actor, event.params.id, input.value.reason)));
	},
	cancel: async (event) => {
		const actor = requirePermission(event, 'visits.manage');
		const values = await posted(event.request);
		const input = parseInput(visitDeclineForm, values);
		if (!input.ok) return fail(422, { action: 'cancel', values, errors: fieldErrors(input.problems) });
		return run('cancel', values, () => orNotFound(coordination.cancel(actor, event.params.id, input.value.reason)));
	},
	message: async (event) => {
		const actor = requirePermission(event, 'visits.manage');
		const values = await posted(event.request);
		const input = parseInput(visitMessageInput, values);
		if (!input.ok) return fail(422, { action: 'message', values, errors: fieldErrors(input.problems) });
		return run('message', values, () => orNotFound(coordination.message(actor, event.params.id, input.value.body)));
	}
};
