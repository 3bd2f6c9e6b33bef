import { getLocale } from '$lib/paraglide/runtime';
import { error, fail } from '@sveltejs/kit';
import { ROLES } from '$lib/roles';
import { NotFoundError } from '$lib/server/errors';
import * as facilityRooms from '$lib/server/facility/rooms';
import * as roomPhotos from '$lib/server/facility/rooms/photos';
import { requirePermission } from '$lib/server/guards';
import { hoursForm, roomDetailsForm, roomPhotoAltForm, roomPhotoDeleteForm, roomPhotoForm, roomPhotoMoveForm, roomRulesForm } from '$lib/schemas/forms';
import { ensureForm, failValidation, text } from '$lib/server/http/forms';
import { isPayloadTooLarge } from '$lib/server/http/json';
import { say } from '$lib/server/i18n';
import { readRoomDetails, readRoomRules, readWeeklyHours } from '../room-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requirePermission(event, 'rooms.manage');
	try {
		const [managed, schools, photos] = await Promise.all([
			facilityRooms.getRoom(actor, event.params.id),
			facilityRooms.listSchoolsForRules(),
			roomPhotos.listPhotos(event.params.id)
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
			granularities: [...facilityRooms.GRANULARITIES_MINUTES],
			photos,
			photoLimits: { perRoom: facilityRooms.PHOTOS_PER_ROOM, maxMegabytes: facilityRooms.PHOTO_MAX_BYTES / 1024 / 1024, altMaxLength: facilityRooms.PHOTO_ALT_MAX_LENGTH }
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
			// The schema checks the post's shape; the durations go on as their hours and minutes, read as typed.
			ensureForm(roomRulesForm, form);
			await facilityRooms.saveRules(actor, event.params.id, rules);
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
	},
	photo: async (event) => {
		const actor = requirePermission(event, 'rooms.manage');
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch (e) {
			// Past the server's BODY_SIZE_LIMIT nothing of the form can be read, the alt text neither.
			if (!isPayloadTooLarge(e)) throw e;
			return fail(413, { section: 'photo' as const, upload: { altKo: '', altEn: '' }, errors: { photo: [say('facility_photo_body_too_large')] } });
		}
		const upload = { altKo: text(form, 'altKo'), altEn: text(form, 'altEn') };
		try {
			await facilityRooms.ensureRoomExists(actor, event.params.id);
			const input = ensureForm(roomPhotoForm, form);
			const bytes = input.photo && input.photo.size > 0 ? new Uint8Array(await input.photo.arrayBuffer()) : null;
			await roomPhotos.addPhoto(actor, event.params.id, bytes, input.altKo, input.altEn);
		} catch (e) {
			return failValidation(e, { section: 'photo' as const, upload });
		}
		return { section: 'photo' as const, saved: true, done: 'added' as const };
	},
	photoAlt: async (event) => {
		const actor = requirePermission(event, 'rooms.manage');
		const form = await event.request.formData();
		const alt = { photoId: text(form, 'photoId'), altKo: text(form, 'altKo'), altEn: text(form, 'altEn') };
		try {
			await facilityRooms.ensureRoomExists(actor, event.params.id);
			const input = ensureForm(roomPhotoAltForm, form);
			await roomPhotos.updateAlt(actor, event.params.id, input.photoId, input.altKo, input.altEn);
		} catch (e) {
			return failValidation(e, { section: 'photoAlt' as const, alt });
		}
		return { section: 'photo' as const, saved: true, done: 'alt' as const };
	},
	photoMove: async (event) => {
		const actor = requirePermission(event, 'rooms.manage');
		const form = await event.request.formData();
		try {
			await facilityRooms.ensureRoomExists(actor, event.params.id);
			const input = ensureForm(roomPhotoMoveForm, form);
			await roomPhotos.movePhoto(actor, event.params.id, input.photoId, input.direction);
		} catch (e) {
			return failValidation(e, { section: 'photo' as const });
		}
		return { section: 'photo' as const, saved: true, done: 'moved' as const };
	},
	photoDelete: async (event) => {
		const actor = requirePermission(event, 'rooms.manage');
		const form = await event.request.formData();
		try {
			await facilityRooms.ensureRoomExists(actor, event.params.id);
			const input = ensureForm(roomPhotoDeleteForm, form);
			await roomPhotos.deletePhoto(actor, event.params.id, input.photoId);
		} catch (e) {
			return failValidation(e, { section: 'photo' as const });
		}
		return { section: 'photo' as const, saved: true, done: 'deleted' as const };
	}
};
