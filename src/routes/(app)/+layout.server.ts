import { requireUser } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

/** Every page in (app) needs a signed-in user. */
export const load: LayoutServerLoad = (event) => {
	requireUser(event);
};
