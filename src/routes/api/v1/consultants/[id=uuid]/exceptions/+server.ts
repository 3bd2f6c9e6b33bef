import { consultantExceptionInput, exceptionRequest } from '$lib/schemas/consultations';
import * as availability from '$lib/server/consultations/availability';
import { api, requireApiUser } from '$lib/server/http/api';
import { ensureInput, readBody } from '$lib/server/http/input';
import type { RequestHandler } from './$types';

/** Add a date exception (leave, hours off, extra hours) from today on. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const actor = requireApiUser(event);
		const body = await readBody(event.request, exceptionRequest);
		// The same checks as the page's form (times on the grid, an end after its start).
		const input = ensureInput(consultantExceptionInput, { ...body, start: body.start ?? '', end: body.end ?? '', note: body.note ?? '', consultantId: event.params.id });
		return { status: 201, body: { id: await availability.addException(actor, input) } };
	});
