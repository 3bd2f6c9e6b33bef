import { visitCheckInByCode } from '$lib/schemas/visits';
import { api, requireApiUser } from '$lib/server/http/api';
import { readBody } from '$lib/server/http/input';
import * as checkin from '$lib/server/visits/checkin';
import type { RequestHandler } from './$types';

/** Check a delegation in by the reference its QR code holds (or typed): one of today's confirmed visits. */
export const POST: RequestHandler = (event) =>
	api(event, async () => {
		const actor = requireApiUser(event);
		const { code } = await readBody(event.request, visitCheckInByCode);
		return { body: await checkin.checkIn(actor, { code }, 'arrived') };
	});
