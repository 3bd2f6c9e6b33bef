import { fail } from '@sveltejs/kit';
import { BLANK_SEGMENT_ROWS, itineraryFromForm, parseItineraryRows, segmentFieldOf, type ItinerarySegmentInput } from '$lib/schemas/visits';
import { SEGMENTS_MAX } from '$lib/visit-segments';
import { ConflictError, ValidationError } from '$lib/server/errors';
import { requirePermission } from '$lib/server/guards';
import { orNotFound } from '$lib/server/http/not-found';
import { fieldErrors, say } from '$lib/server/i18n';
import * as coordination from '$lib/server/visits/coordination';
import * as itinerary from '$lib/server/visits/itinerary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'visits.manage');
	const visit = await orNotFound(coordination.detail(actor, event.params.id));
	const [{ segments, fromTemplate }, { rooms, presenters }] = await Promise.all([
		visit.status === 'confirmed' ? itinerary.draft(actor, event.params.id) : Promise.resolve({ segments: [] as ItinerarySegmentInput[], fromTemplate: false }),
		itinerary.resources()
	]);
	return {
		visit: { id: visit.id, reference: visit.reference, organization: visit.organization, groupSize: visit.groupSize, status: visit.status, visitDate: visit.visitDate, visitPeriod: visit.visitPeriod },
		segments,
		fromTemplate,
		rooms,
		presenters: presenters.map(({ userId: _, ...p }) => p),
		breadcrumb: say('visits_itinerary_crumb', { reference: visit.reference })
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requirePermission(event, 'visits.manage');
		const form = await event.request.formData();
		const rows = Math.min(Number(form.get('rows')) || 0, SEGMENTS_MAX + BLANK_SEGMENT_ROWS);
		// The rows kept, as typed: shown again in this order after a refusal, each problem on its field.
		const typed = itineraryFromForm(form, rows);
		const parsed = parseItineraryRows(typed);
		if (!parsed.ok) return fail(422, { segments: typed, errors: fieldErrors(parsed.problems) });
		try {
			const result = await orNotFound(itinerary.save(actor, event.params.id, parsed.value));
			if (result.outcome === 'conflict') return fail(409, { segments: typed, clashes: result.clashes });
			return { saved: true };
		} catch (e) {
			if (e instanceof ValidationError) {
				// The service's rules name `segments.N.field`: the form's `sN-field`.
				const errors = fieldErrors(e.violations.map((v) => ({ ...v, rule: segmentFieldOf(v.rule) })));
				return fail(422, { segments: typed, errors });
			}
			if (e instanceof ConflictError) return fail(409, { segments: typed, message: say(e.messageKey) });
			throw e;
		}
	}
};
