import { getLocale } from '$lib/paraglide/runtime';
import { error } from '@sveltejs/kit';
import { ROLES } from '$lib/roles';
import { NotFoundError } from '$lib/server/errors';
import * as facilityRooms from '$lib/server/facility/rooms';
import { requirePermission } from '$lib/server/guards';
import { hoursForm, roomDetailsForm, roomRulesForm } from '$lib/schemas/forms';
import { ensureForm, failValidation } from '$lib/server/http/forms';
import { readRoomDetails, readRoomRules, readWeeklyHours } from '../room-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'rooms.manage');
	try {
		const [managed, schools] = await Promise.all([
			facilityRooms.getRoom(actor, event.params.id),
			facilityRooms.listSchoolsForRules()
		]);
		return {
			// Just added through /facility/rooms/new.
			created: event.url.searchParams.has('created'),
			code: managed.room.code,
			nameKo: managed.room.nameKo,
			nameEn: managed.room.nameEn,
			breadcrumb: getLocale() === 'en' ? managed.room.nameEn : managed.room.nameKo,
			details: facilityRooms.detailsAsInput(managed.room, managed.active),
			rules: facilityRooms.rulesAsInput(managed.rules),
			hours: facilityRooms.hoursAsInput(managed.ownHours, managed.centerHours),
			centerHours: managed.centerHours,
			schools,
			roles: [...ROLES],
			equipmentKeys: [...facilityRooms.EQUIPMENT_KEYS],
			accessibilityKeys: [...facilityRooms.ACCESSIBILITY_KEYS],
			granularities: [...facilityRooms.GRANULARITIES_MINUTES]
		};
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
};

export const actions: Actions = {
	details: async (event) => {
		const actor = requirePermission(event, 'rooms.manage');
		const form = await event.request.formData();
		const details = readRoomDetails(form);
		try {
			await facilityRooms.ensureRoomExists(actor, event.params.id);
			await facilityRooms.saveDetails(actor, event.params.id, ensureForm(roomDetailsForm, form));
		} catch (e) {
			return failValidation(e, { section: 'details' as const, details });
		}
		return { section: 'details' as const, saved: true };
	},
	rules: async (event) => {
		const actor = requirePermission(event, 'rooms.manage');
		const form = await event.request.formData();
		const rules = readRoomRules(form);
		try {
			await facilityRooms.ensureRoomExists(actor, event.params.id);
			await facilityRooms.saveRules(actor, event.params.id, ensureForm(roomRulesForm, form));
		} catch (e) {
			return failValidation(e, { section: 'rules' as const, rules });
		}
		return { section: 'rules' as const, saved: true };
	},
	hours: async (event) => {
		const actor = requirePermission(event, 'rooms.manage');
		const form = await event.request.formData();
		const hours = readWeeklyHours(form);
		try {
			await facilityRooms.ensureRoomExists(actor, event.params.id);
			ensureForm(hoursForm, form);
			await facilityRooms.saveHours(actor, event.params.id, hours);
		} catch (e) {
			return failValidation(e, { section: 'hours' as const, hours });
		}
		return { section: 'hours' as const, saved: true };
	}
};
