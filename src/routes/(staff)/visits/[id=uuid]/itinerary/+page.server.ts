import { fail } from '@sveltejs/kit';
import { BLANK_SEGMENT_ROWS, parseItineraryForm, segmentField, type ItinerarySegmentInput } from '$lib/schemas/visits';
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

/** The rows as typed, to show them again after a refusal (presenters as the list of each row). */
function typedRows(form: FormData, rows: number): ItinerarySegmentInput[] {
	const text = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');
	return Array.from({ length: rows }, (_, i) => ({
		kind: (text(segmentField(i, 'kind')) || 'other') as ItinerarySegmentInput['kind'],
		title: text(segmentField(i, 'title')),
		start: text(segmentField(i, 'start')),
		end: text(segmentField(i, 'end')),
		roomId: text(segmentField(i, 'roomId')) || null,
		presenterIds: form.getAll(segmentField(i, 'presenterIds')).filter((v): v is string => typeof v === 'string' && v !== '')
	})).filter((s, i) => form.get(`s${i}-remove`) !== 'on' && (s.title.trim() || s.start || s.end));
}

export const actions: Actions = {
	save: async (event) => {
		const actor = requirePermission(event, 'visits.manage');
		const form = await event.request.formData();
		const rows = Math.min(Number(form.get('rows')) || 0, SEGMENTS_MAX + BLANK_SEGMENT_ROWS);
		const typed = typedRows(form, rows);
		const parsed = parseItineraryForm(form, rows);
		// Errors are keyed by the row as posted; the page shows the typed rows again in order, so renumber them.
		const renumber = (errors: Record<string, string[]>) => {
			const kept = Array.from({ length: rows }, (_, i) => i).filter((i) => parsed.rowOf.includes(i));
			return Object.fromEntries(Object.entries(errors).map(([field, messages]) => {
				const match = /^s(\d+)-(.+)$/.exec(field);
				return [match ? `s${kept.indexOf(Number(match[1]))}-${match[2]}` : field, messages];
			}));
		};
		if (!parsed.ok) return fail(422, { segments: typed, errors: renumber(fieldErrors(parsed.problems)) });
		try {
			const result = await orNotFound(itinerary.save(actor, event.params.id, parsed.value));
			if (result.outcome === 'conflict') return fail(409, { segments: typed, clashes: result.clashes });
			return { saved: true };
		} catch (e) {
			if (e instanceof ValidationError) {
				// The service's rules name `segments.N.field`: the form's `sN-field`.
				const errors = fieldErrors(e.violations.map((v) => ({ ...v, rule: v.rule.replace(/^segments\.(\d+)\.(.+)$/, 's$1-$2') })));
				return fail(422, { segments: typed, errors });
			}
			if (e instanceof ConflictError) return fail(409, { segments: typed, message: say(e.messageKey) });
			throw e;
		}
	}
};
