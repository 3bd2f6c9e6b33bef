import { fail, redirect } from '@sveltejs/kit';
import { consultationRequest, DESCRIPTION_MAX_LENGTH } from '$lib/schemas/consultations';
import { parseInput } from '$lib/schemas/issues';
import * as bookings from '$lib/server/consultations/bookings';
import { catalog } from '$lib/server/consultations/store';
import * as clock from '$lib/server/clock';
import { DomainError } from '$lib/server/errors';
import { requirePermission } from '$lib/server/guards';
import { text } from '$lib/server/http/forms';
import { fieldErrors, say } from '$lib/server/i18n';
import * as idempotency from '$lib/server/idempotency';
import { slotWeek, type SlotWeek, type WeekSlot } from './slot-week';
import type { Actions, PageServerLoad } from './$types';

/** The form's fields; anything else a refusal names is said above the form. */
const FIELDS = new Set(['start', 'mode', 'description', 'consultantId', 'topicId']);

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'consultations.book');
	const now = clock.now();
	const query = event.url.searchParams;
	const departments = await catalog();
	const chosen = departments.find((d) => d.department.code === query.get('department')) ?? null;
	const topic = chosen?.topics.find((t) => t.id === query.get('topic')) ?? null;
	const consultantParam = query.get('consultant');
	const consultant = chosen && consultantParam ? (chosen.consultants.find((c) => c.id === consultantParam) ?? null) : null;

	let week: SlotWeek | null = null;
	let slot: WeekSlot | null = null;
	let slotGone = false;
	if (chosen && topic) {
		week = await slotWeek({ topic, department: chosen.department }, { week: query.get('week'), consultantId: consultant?.id }, now);
		const start = query.get('start');
		if (start) {
			const wanted = Date.parse(start);
			slot = week.days.flatMap((d) => d.slots).find((s) => Date.parse(s.start) === wanted) ?? null;
			slotGone = slot === null;
		}
	}
	return {
		departments: departments.map((d) => ({ id: d.department.id, code: d.department.code, nameKo: d.department.nameKo, nameEn: d.department.nameEn, topics: d.topics.length })),
		department: chosen && {
			id: chosen.department.id,
			code: chosen.department.code,
			nameKo: chosen.department.nameKo,
			nameEn: chosen.department.nameEn,
			phone: chosen.department.phone,
			topics: chosen.topics.map((t) => ({
				id: t.id,
				nameKo: t.nameKo,
				nameEn: t.nameEn,
				descriptionKo: t.descriptionKo,
				descriptionEn: t.descriptionEn,
				durationMinutes: t.durationMinutes,
				modes: t.modes,
				requiresConfirmation: t.requiresConfirmation,
				cancelCutoffMinutes: t.cancelCutoffMinutes
			})),
			consultants: chosen.consultants
		},
		topicId: topic?.id ?? null,
		consultantId: consultant?.id ?? null,
		week,
		slot,
		slotGone,
		descriptionMax: DESCRIPTION_MAX_LENGTH,
		// One key per rendered form: a double submit or a resent POST books once.
		idempotencyKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	book: async (event) => {
		const user = requirePermission(event, 'consultations.book');
		const form = await event.request.formData();
		// A slot picked from the alternatives of a refusal comes as `pick`.
		const values = {
			topicId: text(form, 'topicId'),
			start: text(form, 'pick') || text(form, 'start'),
			mode: text(form, 'mode'),
			description: text(form, 'description'),
			consultantId: text(form, 'consultantId')
		};
		const idempotencyKey = crypto.randomUUID();
		const { consultantId, ...rest } = values;
		const parsed = parseInput(consultationRequest, consultantId && consultantId !== 'any' ? { ...rest, consultantId } : rest);
		if (!parsed.ok) return fail(422, { values, errors: fieldErrors(parsed.problems), notices: [] as string[], alternatives: [], idempotencyKey });

		let result: bookings.ConsultationResult;
		try {
			const key = idempotency.checkKey(text(form, 'idempotencyKey') || null);
			result = await bookings.book(user, parsed.value, { idempotency: { key, requestHash: idempotency.hashRequest({ form: 'consultation', values }) } });
		} catch (error) {
			// A key used for other values, a throttle, a limit: said on the form, never a 5xx.
			if (error instanceof DomainError && error.status < 500)
				return fail(error.status, { values, errors: {}, notices: [say(error.messageKey, error.params)], alternatives: [], idempotencyKey });
			throw error;
		}
		if (result.outcome === 'created') redirect(303, `/consultations/${result.created[0]!.id}?booked=1`);
		const alternatives = result.alternatives ?? [];
		if (result.outcome === 'conflict')
			return fail(409, { values, errors: {}, notices: [say('consultation_slot_taken')], alternatives, idempotencyKey });
		const onFields = result.violations.filter((v) => FIELDS.has(v.rule));
		const notices = result.violations.filter((v) => !FIELDS.has(v.rule)).map((v) => say(v.messageKey, v.params));
		return fail(422, { values, errors: fieldErrors(onFields), notices, alternatives, idempotencyKey });
	}
};
