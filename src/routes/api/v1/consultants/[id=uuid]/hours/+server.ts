import { weeklyHoursRequest } from '$lib/schemas/consultations';
import * as availability from '$lib/server/consultations/availability';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import type { RequestHandler } from './$types';

/** Replace the consultant's weekly template (on the 30-minute grid, no overlapping spans of one weekday). */
export const PUT: RequestHandler = (event) =>
	api(event, async () => {
		const actor = requireApiUser(event);
		const spans = await readBody(event.request, weeklyHoursRequest);
		await availability.saveTemplate(actor, event.params.id, spans);
		return { body: { hours: spans.length } };
	});
