import * as org from '$lib/server/org';
import * as rooms from '$lib/server/rooms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const [departments, roomList] = await Promise.all([org.listDepartments(), rooms.catalogue()]);
	return {
		departments: departments.map((d) => ({ code: d.code, nameKo: d.nameKo, nameEn: d.nameEn })),
		rooms: roomList.map((r) => ({ code: r.code, nameKo: r.nameKo, nameEn: r.nameEn, floor: r.floor, capacity: r.capacity }))
	};
};
