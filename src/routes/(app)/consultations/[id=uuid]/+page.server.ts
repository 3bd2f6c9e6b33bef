import { error, fail } from '@sveltejs/kit';
import type { ConsultationMode } from '$lib/consultation-modes';
import { rescheduleRequest } from '$lib/schemas/consultations';
import { parseInput } from '$lib/schemas/issues';
import * as bookings from '$lib/server/consultations/bookings';
import type { SlotAlternative } from '$lib/server/consultations/policy';
import { catalog } from '$lib/server/consultations/store';
import * as clock from '$lib/server/clock';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '$lib/server/errors';
import { requireUser } from '$lib/server/guards';
import { text } from '$lib/server/http/forms';
import { say } from '$lib/server/i18n';
import { slotWeek } from '../slot-week';
import type { Actions, PageServerLoad } from './$types';

async function view(event: Parameters<PageServerLoad>[0]) {
	const user = requireUser(event);
	try {
		return { user, consultation: await bookings.get(user, event.params.id, { clientAddress: event.getClientAddress() }) };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
}

export const load: PageServerLoad = async (event) => {
	const { consultation } = await view(event);
	const now = clock.now();
	const departments = await catalog();
	const found = departments.find((d) => d.department.id === consultation.department.id);
	const topic = found?.topics.find((t) => t.id === consultation.topic.id) ?? null;
	const holding = consultation.status === 'requested' || consultation.status === 'confirmed';
	const upcoming = Date.parse(consultation.start) > now.getTime();
	// Another time of the same topic and consultant (their free slots), offered while it may move.
	const week =
		found && topic && consultation.may.reschedule && event.url.searchParams.has('week')
			? await slotWeek(
					{ topic, department: found.department },
					{ week: event.url.searchParams.get('week'), consultantId: consultation.consultant.id, mode: consultation.mode as ConsultationMode, except: consultation.start },
					now
				)
			: null;
	return {
		consultation,
		cutoffMinutes: topic?.cancelCutoffMinutes ?? null,
		departmentPhone: found?.department.phone ?? null,
		cutoffPassed: holding && upcoming && !consultation.may.cancel,
		booked: event.url.searchParams.has('booked'),
		week,
		breadcrumb: consultation.reference
	};
};

type Answer = { notice: string; alternatives: SlotAlternative[] };

function refused(e: unknown) {
	if (e instanceof ConflictError) {
		const alternatives = ((e.details as { alternatives?: SlotAlternative[] }).alternatives ?? []) as SlotAlternative[];
		return fail(409, { notice: say(e.messageKey, e.params), alternatives } satisfies Answer);
	}
	if (e instanceof ValidationError) return fail(422, { notice: e.violations.map((v) => say(v.messageKey, v.params)).join(' '), alternatives: [] } satisfies Answer);
	if (e instanceof NotFoundError) error(404, { message: 'not found' });
	if (e instanceof DomainError && e.status < 500) return fail(e.status, { notice: say(e.messageKey, e.params), alternatives: [] } satisfies Answer);
	throw e;
}

export const actions: Actions = {
	cancel: async (event) => {
		const user = requireUser(event);
		try {
			await bookings.cancel(user, event.params.id, null);
		} catch (e) {
			return refused(e);
		}
		return { done: 'cancelled' as const };
	},

	reschedule: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseInput(rescheduleRequest, { start: text(form, 'start') });
		if (!parsed.ok) return fail(422, { notice: parsed.problems.map((p) => say(p.messageKey, p.params)).join(' '), alternatives: [] } satisfies Answer);
		try {
			await bookings.reschedule(user, event.params.id, parsed.value.start);
		} catch (e) {
			return refused(e);
		}
		return { done: 'rescheduled' as const };
	}
};
