import type { RoomDetailsInput } from '$lib/server/facility/rooms';
import { all, checked, text } from '$lib/server/http/forms';

/** The room details fields (RoomDetailsFields.svelte) as typed, for the add and edit actions. */
export function readRoomDetails(form: FormData): RoomDetailsInput {
	return {
		nameKo: text(form, 'nameKo'),
		nameEn: text(form, 'nameEn'),
		floor: text(form, 'floor'),
		capacity: text(form, 'capacity'),
		equipment: all(form, 'equipment'),
		accessibility: all(form, 'accessibility'),
		descriptionKo: text(form, 'descriptionKo'),
		descriptionEn: text(form, 'descriptionEn'),
		active: checked(form, 'active')
	};
}
