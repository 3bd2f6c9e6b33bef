import { error } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import { consultationTopicInput } from '$lib/schemas/consultations';
import { can } from '$lib/server/auth/permissions';
import * as topics from '$lib/server/consultations/topics';
import { requirePermission } from '$lib/server/guards';
import { ensureForm, failValidation, formObject, text } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

/** Department staff, for their own department's topics (the service checks each topic again). */
const guard = (event: Pick<RequestEvent, 'locals' | 'url'>) =>
	requirePermission(event, 'consultations.publish_availability', { departmentId: event.locals.user?.departmentId ?? null });

/** What the form posted, as typed, to show again when it is refused. */
function typed(form: FormData) {
	const raw = formObject(form);
	const modes = raw.modes === undefined ? [] : Array.isArray(raw.modes) ? raw.modes : [raw.modes];
	return {
		id: text(form, 'id'),
		nameKo: text(form, 'nameKo'),
		nameEn: text(form, 'nameEn'),
		descriptionKo: text(form, 'descriptionKo'),
		descriptionEn: text(form, 'descriptionEn'),
		durationMinutes: text(form, 'durationMinutes'),
		bufferMinutes: text(form, 'bufferMinutes'),
		modes: modes.filter((v): v is string => typeof v === 'string'),
		leadTimeMinutes: text(form, 'leadTimeMinutes'),
		cancelCutoffMinutes: text(form, 'cancelCutoffMinutes'),
		openLimitPerSchool: text(form, 'openLimitPerSchool'),
		requiresConfirmation: text(form, 'requiresConfirmation') === 'on',
		active: text(form, 'active') === 'on'
	};
}

export const load: PageServerLoad = async (event) => {
	const actor = guard(event);
	const [list, dept] = await Promise.all([topics.listOwn(actor), topics.departmentOf(actor)]);
	const chosen = event.url.searchParams.get('topic');
	const editing = chosen ? list.find((t) => t.id === chosen) : undefined;
	// Another department's topic (or none at all) is not there for this user.
	if (chosen && !editing) error(404, { message: 'not found' });
	return {
		department: dept,
		topics: list.map((t) => ({
			id: t.id,
			nameKo: t.nameKo,
			nameEn: t.nameEn,
			descriptionKo: t.descriptionKo,
			descriptionEn: t.descriptionEn,
			durationMinutes: t.durationMinutes,
			bufferMinutes: t.bufferMinutes,
			modes: t.modes,
			leadTimeMinutes: t.leadTimeMinutes,
			cancelCutoffMinutes: t.cancelCutoffMinutes,
			openLimitPerSchool: t.openLimitPerSchool,
			requiresConfirmation: t.requiresConfirmation,
			active: t.active
		})),
		editingId: editing?.id ?? null,
		mayReviewCaseLog: can(actor, 'consultations.review_case_log', { departmentId: actor.departmentId })
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = guard(event);
		const form = await event.request.formData();
		const values = typed(form);
		try {
			const input = ensureForm(consultationTopicInput, form);
			if (values.id) {
				await topics.update(actor, values.id, input);
				return { saved: { id: values.id, name: input.nameKo, nameEn: input.nameEn, created: false } };
			}
			const id = await topics.create(actor, input);
			return { saved: { id, name: input.nameKo, nameEn: input.nameEn, created: true } };
		} catch (e) {
			return failValidation(e, { values });
		}
	}
};
