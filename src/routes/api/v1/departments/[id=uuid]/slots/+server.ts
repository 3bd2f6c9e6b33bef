import { slotQuery } from '$lib/schemas/consultations';
import * as clock from '$lib/server/clock';
import { searchSlots } from '$lib/server/consultations/search';
import { loadTopic } from '$lib/server/consultations/store';
import { NotFoundError } from '$lib/server/errors';
import { api } from '$lib/server/http/api';
import { readQuery } from '$lib/server/http/input';
import { seoulIso } from '$lib/time/seoul';
import type { RequestHandler } from './$types';

/** A topic's free slots over Seoul dates [from, to]; a topic of another department is as unknown as a missing one. */
export const GET: RequestHandler = (event) =>
	api(event, async () => {
		const query = readQuery(event.url, slotQuery);
		const found = await loadTopic(query.topic);
		if (!found || found.department.id !== event.params.id) throw new NotFoundError();
		const search = { from: query.from, to: query.to, mode: query.mode, consultantId: query.consultant };
		const { slots } = await searchSlots(found, search, clock.now());
		return {
			body: {
				departmentId: found.department.id,
				topicId: found.topic.id,
				from: query.from,
				to: query.to,
				slots: slots.map((s) => ({ start: seoulIso(new Date(s.start)), end: seoulIso(new Date(s.end)), consultants: s.consultantIds.length, consultantIds: s.consultantIds }))
			}
		};
	});
