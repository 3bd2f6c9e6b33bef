import { error, fail } from '@sveltejs/kit';
import { boardMoveForm, boardReasonForm } from '$lib/schemas/forms';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/errors';
import * as approvals from '$lib/server/facility/approvals';
import { requireUser } from '$lib/server/guards';
import { ensureForm, failValidation, formObject, noErrors } from '$lib/server/http/forms';
import { say } from '$lib/server/i18n';
import * as bookings from '$lib/server/rooms/bookings';
import * as details from '$lib/server/rooms/details';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDateTime, formatTime } from '$lib/time/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	try {
		return { booking: await details.details(actor, event.params.id), undoMinutes: bookings.UNDO_MOVE_MINUTES };
	} catch (e) {
		// Someone else's booking is "not there" for anyone who may not open it.
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
};

/** A refusal the page says in a sentence: someone else acted first, or the time is taken (named). */
function refused(error: unknown, values: Record<string, unknown> = {}) {
	if (error instanceof ConflictError) {
		const conflicts = (error.details as { conflicts?: { start: string; end: string }[] }).conflicts ?? [];
		// Named with its date: a move may go to another day than the one on screen.
		const taken = conflicts.map((c) => say('book_conflict_with', { from: formatDateTime(c.start, getLocale()), to: formatTime(c.end) }));
		return fail(409, { ...values, errors: noErrors(), notice: [say(error.messageKey, error.params), ...taken].join(' ') });
	}
	if (error instanceof NotFoundError) return fail(409, { ...values, errors: noErrors(), notice: say('booking_not_pending') });
	return failValidation(error, values);
}

const moveValues = (form: FormData) => {
	const raw = formObject(form);
	const pick = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string) : '');
	return { date: pick('date'), start: pick('start'), end: pick('end'), roomId: pick('roomId') };
};

export const actions: Actions = {
	approve: async (event) => {
		const actor = requireUser(event);
		try {
			await approvals.approve(actor, event.params.id);
			return { done: 'approved' as const };
		} catch (error) {
			return refused(error);
		}
	},
	reject: async (event) => {
		const actor = requireUser(event);
		const form = await event.request.formData();
		const reason = typeof form.get('reason') === 'string' ? String(form.get('reason')) : '';
		try {
			const input = ensureForm(boardReasonForm, form);
			await approvals.reject(actor, event.params.id, input.reason);
			return { done: 'rejected' as const };
		} catch (error) {
			return refused(error, { form: 'reject', reason });
		}
	},
	cancel: async (event) => {
		const actor = requireUser(event);
		const form = await event.request.formData();
		const reason = typeof form.get('reason') === 'string' ? String(form.get('reason')) : '';
		try {
			const input = ensureForm(boardReasonForm, form);
			await details.cancelWithReason(actor, event.params.id, input.reason);
			return { done: 'cancelled' as const };
		} catch (error) {
			return refused(error, { form: 'cancel', reason });
		}
	},
	/** First submit: shown for confirmation (nothing changes); with confirm=1: moved, with an undo. */
	move: async (event) => {
		const actor = requireUser(event);
		const form = await event.request.formData();
		const values = moveValues(form);
		try {
			const input = ensureForm(boardMoveForm, form);
			const wanted = { date: input.date, start: input.start, end: input.end, roomId: input.roomId };
			if (input.confirm !== '1') return { plan: await details.planMove(actor, event.params.id, wanted) };
			return { moved: await details.moveConfirmed(actor, event.params.id, wanted, details.seenPlace(input)) };
		} catch (error) {
			if (error instanceof ValidationError) return fail(422, { form: 'move', move: values, errors: fieldErrorsOf(error) });
			return refused(error, { form: 'move', move: values });
		}
	},
	undo: async (event) => {
		const actor = requireUser(event);
		try {
			await bookings.undoMove(actor, event.params.id);
			return { done: 'undone' as const };
		} catch (error) {
			return refused(error);
		}
	}
};

function fieldErrorsOf(error: ValidationError) {
	const errors: Record<string, string[]> = {};
	for (const v of error.violations) (errors[v.rule === 'roomId' ? 'roomId' : ['date', 'start', 'end', 'reason'].includes(v.rule) ? v.rule : 'move'] ??= []).push(say(v.messageKey, v.params));
	return errors;
}
