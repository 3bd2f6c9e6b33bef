import { ValidationError } from '$lib/server/errors';
import { api, requireApiUser } from '$lib/server/http/api';
import { readJson } from '$lib/server/http/problem';
import * as reservations from '$lib/server/reservations';
import type { RequestHandler } from './$types';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Facility staff: body {"start","end"} (ISO 8601 with offset). */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const user = requireApiUser(event);
		const body = (await readJson(event.request)) as { start?: unknown; end?: unknown } | null;
		const start = typeof body?.start === 'string' && ISO_WITH_OFFSET.test(body.start) ? new Date(body.start) : null;
		const end = typeof body?.end === 'string' && ISO_WITH_OFFSET.test(body.end) ? new Date(body.end) : null;
		if (!start || !end)
			throw new ValidationError([
				...(start ? [] : [{ rule: 'start', messageKey: 'booking_time_invalid' }]),
				...(end ? [] : [{ rule: 'end', messageKey: 'booking_time_invalid' }])
			]);
		return { body: await reservations.move(user, event.params.id, start, end) };
	});
