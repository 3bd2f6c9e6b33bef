import { error, fail } from '@sveltejs/kit';
import { editValuesOf, parseEditForm, readEditForm, type EditFormValues } from '$lib/schemas/edit-form';
import { fieldOf } from '$lib/schemas/booking-form';
import { ConflictError, DomainError, NotFoundError, ValidationError, type Violation } from '$lib/server/errors';
import { requirePermission } from '$lib/server/guards';
import { say } from '$lib/server/i18n';
import * as bookings from '$lib/server/rooms/bookings';
import { current, editView } from '$lib/server/rooms/edit-view';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDateTime, formatTime } from '$lib/time/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requirePermission(event, 'rooms.book');
	try {
		const view = await editView(user, event.params.id);
		return { ...view, values: editValuesOf(view.booking), closedMessage: view.closed ? say(view.closed) : null };
	} catch (e) {
		// Someone else's booking is "not there" for anyone who may not edit it.
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
};

/** Violations split into the form's fields and the rules that belong to none, in the reader's language. */
function fieldErrorsOf(violations: readonly Violation[]) {
	const errors: Record<string, string[]> = {};
	const rules: string[] = [];
	for (const v of violations) {
		// Too many people for the room is said at the number of people.
		const field = v.rule === 'capacity' ? 'attendees' : fieldOf(v.rule);
		if (field && field !== 'recurrence') (errors[field] ??= []).push(say(v.messageKey, v.params));
		else rules.push(say(v.messageKey, v.params));
	}
	return { errors, rules };
}

const kept = (values: EditFormValues, extra: Record<string, unknown>) => ({ values, errors: {}, rules: [] as string[], ...extra });

export const actions: Actions = {
	save: async (event) => {
		const user = requirePermission(event, 'rooms.book');
		const values = readEditForm(await event.request.formData());
		const { input, problems } = parseEditForm(values);
		if (!input) return fail(422, { values, ...fieldErrorsOf(problems) });
		try {
			const edited = await bookings.edit(user, event.params.id, input);
			return { values: editValuesOf(edited), saved: { status: edited.status } };
		} catch (e) {
			if (e instanceof ValidationError) return fail(422, { values, ...fieldErrorsOf(e.violations) });
			if (e instanceof ConflictError && e.messageKey === 'booking_changed_meanwhile') {
				// What was typed stays; the booking as it is now is shown beside it, with its version, so saving again is a choice.
				const now = await current(user, event.params.id).catch(() => null);
				return fail(409, kept({ ...values, version: now?.version ?? values.version }, { notice: say(e.messageKey), current: now }));
			}
			if (e instanceof ConflictError) {
				const conflicts = (e.details as { conflicts?: { start: string; end: string }[] }).conflicts ?? [];
				const taken = conflicts.map((c) => say('book_conflict_with', { from: formatDateTime(c.start, getLocale()), to: formatTime(c.end) }));
				return fail(409, kept(values, { notice: [say(e.messageKey, e.params), ...taken].join(' ') }));
			}
			if (e instanceof NotFoundError) error(404, { message: 'not found' });
			if (e instanceof DomainError && e.status < 500) return fail(e.status, kept(values, { notice: say(e.messageKey, e.params) }));
			throw e;
		}
	}
};
