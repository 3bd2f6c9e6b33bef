import { getLocale } from '$lib/paraglide/runtime';
import * as clock from '$lib/server/clock';
import { parseInput } from '$lib/schemas/issues';
import { roomFiltersForm } from '$lib/schemas/forms';
import { formObject } from '$lib/server/http/forms';
import { fieldErrors, say } from '$lib/server/i18n';
import * as roomPhotos from '$lib/server/facility/rooms/photos';
import * as roomSearch from '$lib/server/rooms/search';
import { seoulDate } from '$lib/time/seoul';
import type { PageServerLoad } from './$types';

/** A room's first photo for its card: the thumbnail's address and size. */
const photoOf = (photo: roomPhotos.PhotoSummary | undefined) =>
	photo ? { src: `/rooms/${photo.roomId}/photos/${photo.id}/thumb.webp`, width: photo.thumbWidth, height: photo.thumbHeight } : null;

/** The catalogue; its filters are a GET form, so a filtered list is a link anyone can share. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const form = roomSearch.readFilterForm(url.searchParams);
	// What no filter form sends (control characters, absurd lengths) lists nothing but the problems.
	const shape = parseInput(roomFiltersForm, formObject(url.searchParams));
	const { value, violations } = shape.ok ? roomSearch.parseFilters(form) : { value: { equipment: [] }, violations: shape.problems };
	// Filters that read well still apply while the others are corrected.
	const [result, firstPhotos] = await Promise.all([roomSearch.search(value, locals.user ?? null), roomPhotos.firstPhotos()]);
	const en = getLocale() === 'en';
	const filtered = Boolean(value.minCapacity || value.equipment?.length || value.freeFrom);
	return {
		form,
		errors: fieldErrors(violations),
		freeAt: value.freeFrom ? { date: form.date, from: form.from, to: form.to } : null,
		filtered,
		total: result.total,
		equipmentKeys: result.equipmentKeys,
		hours: result.hours,
		closedAtTime: result.closedAtTime,
		// Open and free then, but not bookable then by this person: how many, and why (each reason once).
		notBookable: {
			count: result.notBookable.length,
			reasons: [...new Set(result.notBookable.map(({ violation }) => say(violation.messageKey, violation.params)))]
		},
		today: seoulDate(clock.now()),
		rooms: result.rooms.map((r) => ({
			id: r.resourceId,
			photo: photoOf(firstPhotos.get(r.resourceId)),
			name: en ? r.nameEn : r.nameKo,
			description: en ? r.descriptionEn : r.descriptionKo,
			floor: r.floor,
			capacity: r.capacity,
			equipment: r.equipment,
			accessibility: r.accessibility,
			requiresApproval: r.requiresApproval,
			mayBook: r.mayBook,
			onlyFor: r.onlyFor
		}))
	};
};
