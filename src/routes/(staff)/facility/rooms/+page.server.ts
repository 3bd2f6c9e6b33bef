import * as facilityRooms from '$lib/server/facility/rooms';
import { requirePermission } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'rooms.manage');
	return { rooms: await facilityRooms.listRooms(actor) };
};
