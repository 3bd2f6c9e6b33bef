import { itineraryInput } from '$lib/schemas/visits';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import { problem } from '$lib/server/http/problem';
import * as itinerary from '$lib/server/visits/itinerary';
import type { RequestHandler } from './$types';

/**
 * Replace a confirmed visit's itinerary, all or nothing: 200 with the saved segments, or 409 with
 * `clashes` (which segment, resource and time, and the next free time) and nothing held.
 */
export const PUT: RequestHandler = (event) =>
	api(event, async () => {
		const actor = requireApiUser(event);
		const input = await readBody(event.request, itineraryInput);
		const result = await itinerary.save(actor, event.params.id, input);
		if (result.outcome === 'conflict') return problem(409, 'conflict', 'visit_itinerary_clash', { clashes: result.clashes });
		return { body: { segments: result.segments } };
	});
