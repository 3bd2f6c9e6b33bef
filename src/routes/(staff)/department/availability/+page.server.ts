import { error } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import { consultantExceptionInput, consultantExceptionRemoval, weeklyTemplateInput } from '$lib/schemas/consultations';
import { can } from '$lib/server/auth/permissions';
import * as availability from '$lib/server/consultations/availability';
import { departmentOf } from '$lib/server/consultations/topics';
import { NotFoundError } from '$lib/server/errors';
import { requirePermission } from '$lib/server/guards';
import { all, ensureForm, failValidation, text } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

/** Department staff; which consultant's hours each may edit the service decides (their own; the lead anyone's of the department). */
const guard = (event: Pick<RequestEvent, 'locals' | 'url'>) =>
	requirePermission(event, 'consultations.publish_availability', { departmentId: event.locals.user?.departmentId ?? null });

/** The weekly rows as posted, to show again when refused. */
const typedRows = (form: FormData) => {
	const [weekday, start, end, remove] = [all(form, 'weekday'), all(form, 'start'), all(form, 'end'), all(form, 'remove')];
	return weekday.map((w, i) => ({ weekday: w, start: start[i] ?? '', end: end[i] ?? '', remove: remove.includes(String(i)) }));
};

export const load: PageServerLoad = async (event) => {
	const actor = guard(event);
	const [consultants, dept] = await Promise.all([availability.editableConsultants(actor), departmentOf(actor)]);
	const asked = event.url.searchParams.get('consultant');
	const own = consultants.find((c) => c.userId === actor.id) ?? consultants[0];
	const chosen = asked ? consultants.find((c) => c.id === asked) : own;
	// A consultant the user may not edit (another department's, a colleague's) is not there for them.
	if (asked && !chosen) error(404, { message: 'not found' });
	const mayReviewCaseLog = can(actor, 'consultations.review_case_log', { departmentId: actor.departmentId });
	if (!chosen) return { department: dept, consultants: [], chosen: null, hours: [], exceptions: [], preview: [], mayReviewCaseLog };
	const [shown, preview] = await Promise.all([availability.availabilityOf(actor, chosen.id), availability.preview(actor, chosen.id)]);
	return {
		department: dept,
		consultants: consultants.map((c) => ({ id: c.id, name: c.name, titleKo: c.titleKo, titleEn: c.titleEn })),
		chosen: { id: chosen.id, name: chosen.name },
		hours: shown.hours,
		exceptions: shown.exceptions,
		preview,
		mayReviewCaseLog
	};
};

export const actions: Actions = {
	hours: async (event) => {
		const actor = guard(event);
		const form = await event.request.formData();
		const rows = typedRows(form);
		try {
			const input = ensureForm(weeklyTemplateInput, form);
			await availability.saveTemplate(actor, input.consultantId, input.spans);
		} catch (e) {
			return failValidation(e, { section: 'hours' as const, rows });
		}
		return { section: 'hours' as const, saved: true };
	},
	addException: async (event) => {
		const actor = guard(event);
		const form = await event.request.formData();
		const exception = { date: text(form, 'date'), kind: text(form, 'kind'), start: text(form, 'start'), end: text(form, 'end'), note: text(form, 'note') };
		try {
			await availability.addException(actor, ensureForm(consultantExceptionInput, form));
		} catch (e) {
			return failValidation(e, { section: 'exception' as const, exception });
		}
		return { section: 'exception' as const, saved: true };
	},
	removeException: async (event) => {
		const actor = guard(event);
		const form = await event.request.formData();
		try {
			const input = ensureForm(consultantExceptionRemoval, form);
			await availability.removeException(actor, input.consultantId, input.id);
		} catch (e) {
			// Removed meanwhile (another tab, a colleague): say so, no error page.
			if (e instanceof NotFoundError && e.messageKey === 'dept_avail_exception_gone') return { section: 'removed' as const, gone: true };
			return failValidation(e, { section: 'removed' as const });
		}
		return { section: 'removed' as const, saved: true };
	}
};
