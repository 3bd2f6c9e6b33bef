import { error } from '@sveltejs/kit';
import { NotFoundError } from '$lib/server/errors';
import { requireUser } from '$lib/server/guards';
import * as details from '$lib/server/rooms/details';
import type { PageServerLoad } from './$types';

/** A booking's audit trail, each change with its before and after: facility staff only (404 for anyone else). */
export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	try {
		return await details.trail(actor, event.params.id);
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
};
