import * as availability from '$lib/server/consultations/availability';
import { api, requireApiUser } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** Remove one of the consultant's exceptions (404 when it is not there). */
export const DELETE: RequestHandler = (event) =>
	api(event, async () => {
		await availability.removeException(requireApiUser(event), event.params.id, event.params.exceptionId);
		return new Response(null, { status: 204 });
	});
