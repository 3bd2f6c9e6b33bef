import { error, fail } from '@sveltejs/kit';
import { cancelRequest, noteRequest, reassignRequest, rescheduleRequest } from '$lib/schemas/consultations';
import * as bookings from '$lib/server/consultations/bookings';
import * as queue from '$lib/server/consultations/queue';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '$lib/server/errors';
import { ensureForm, text } from '$lib/server/http/forms';
import { fieldErrors, say } from '$lib/server/i18n';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireDepartmentStaff } from '../../guard';

export const load: PageServerLoad = async (event) => {
	const actor = requireDepartmentStaff(event);
	let view: bookings.ConsultationView;
	try {
		// Reading a 화해조정부 case here writes its access-log row (bookings.get).
		view = await bookings.get(actor, event.params.id, { clientAddress: event.getClientAddress() });
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: say('error_not_found_title') });
		throw e;
	}
	const choices = await queue.handlingChoices(actor, view);
	return { consultation: view, ...choices, breadcrumb: view.reference };
};

type Action = 'confirm' | 'reassign' | 'reschedule' | 'cancel' | 'complete' | 'no_show' | 'note';

/**
 * An expected refusal as the form's answer: the fields' messages and one notice saying why, with
 * what was typed kept; a consultation someone else changed meanwhile says so. Never a 500.
 */
function refused(action: Action, e: unknown, values: Record<string, string> = {}) {
	if (e instanceof ValidationError) {
		const errors = fieldErrors(e.violations);
		return fail(422, { action, errors, notice: Object.values(errors).flat().join(' '), alternatives: [] as string[], ...values });
	}
	if (e instanceof ConflictError) {
		const alternatives = ((e.details as { alternatives?: { start: string }[] }).alternatives ?? []).map((a) => a.start);
		return fail(409, { action, errors: {} as Record<string, string[]>, notice: say(e.messageKey, e.params), alternatives, ...values });
	}
	if (e instanceof DomainError && e.status < 500)
		return fail(e.status, { action, errors: {} as Record<string, string[]>, notice: say(e instanceof NotFoundError ? 'dept_queue_gone' : e.messageKey), alternatives: [] as string[], ...values });
	throw e;
}

async function run(event: RequestEvent, action: Action, work: (form: FormData) => Promise<unknown>, keep: string[] = []) {
	requireDepartmentStaff(event);
	const form = await event.request.formData();
	const values = Object.fromEntries(keep.map((name) => [name, text(form, name)]));
	try {
		await work(form);
		return { action, done: true as const };
	} catch (e) {
		return refused(action, e, values);
	}
}

export const actions: Actions = {
	confirm: (event) => run(event, 'confirm', () => bookings.confirm(event.locals.user!, event.params.id)),
	reassign: (event) =>
		run(event, 'reassign', (form) => bookings.reassign(event.locals.user!, event.params.id, ensureForm(reassignRequest, form).consultantId), ['consultantId']),
	reschedule: (event) => run(event, 'reschedule', (form) => bookings.reschedule(event.locals.user!, event.params.id, ensureForm(rescheduleRequest, form).start), ['start']),
	cancel: (event) =>
		run(event, 'cancel', (form) => bookings.cancel(event.locals.user!, event.params.id, ensureForm(cancelRequest, form).reason?.trim() || null), ['reason']),
	complete: (event) => run(event, 'complete', () => bookings.finish(event.locals.user!, event.params.id, 'completed')),
	noShow: (event) => run(event, 'no_show', () => bookings.finish(event.locals.user!, event.params.id, 'no_show')),
	note: (event) => run(event, 'note', (form) => bookings.writeNote(event.locals.user!, event.params.id, ensureForm(noteRequest, form).note), ['note'])
};
