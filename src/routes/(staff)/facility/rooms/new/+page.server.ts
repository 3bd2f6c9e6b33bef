import { redirect } from '@sveltejs/kit';
import * as facilityRooms from '$lib/server/facility/rooms';
import { requirePermission } from '$lib/server/guards';
import { newRoomForm } from '$lib/schemas/forms';
import { ensureForm, failValidation } from '$lib/server/http/forms';
import { readNewRoom } from '../room-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'rooms.manage');
	return {
		room: facilityRooms.blankNewRoom(),
		codeMaxLength: facilityRooms.CODE_MAX_LENGTH,
		equipmentKeys: [...facilityRooms.EQUIPMENT_KEYS],
		accessibilityKeys: [...facilityRooms.ACCESSIBILITY_KEYS]
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requirePermission(event, 'rooms.manage');
		const form = await event.request.formData();
		const room = readNewRoom(form);
		let id: string;
		try {
			id = await facilityRooms.createRoom(actor, ensureForm(newRoomForm, form));
		} catch (e) {
			return failValidation(e, { room });
		}
		redirect(303, `/facility/rooms/${id}?created`);
	}
};
