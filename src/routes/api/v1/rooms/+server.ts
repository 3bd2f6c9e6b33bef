import { getLocale } from '$lib/paraglide/runtime';
import { api, localName } from '$lib/server/http/api';
import * as rooms from '$lib/server/rooms';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	api(event, async () => {
		const locale = getLocale();
		const list = await rooms.catalogue();
		return {
			body: {
				rooms: list.map((r) => ({
					id: r.resourceId,
					name: localName(locale, r),
					capacity: r.capacity,
					floor: r.floor,
					equipment: r.equipment,
					accessibility: r.accessibility,
					requiresApproval: r.requiresApproval
				}))
			}
		};
	});
