import { getLocale } from '$lib/paraglide/runtime';
import { error } from '@sveltejs/kit';
import { can } from '$lib/server/auth/permissions';
import * as clock from '$lib/server/clock';
import { loadRoom } from '$lib/server/rooms/store';
import * as roomPhotos from '$lib/server/facility/rooms/photos';
import * as rooms from '$lib/server/rooms';
import { busyByRoom, seoulDays } from '$lib/server/rooms/availability';
import { onlyFor } from '$lib/server/rooms/search';
import { seoulDate } from '$lib/time/seoul';
import type { PageServerLoad } from './$types';

/** Days of held time listed under the calendar (and instead of it without JavaScript). */
const LIST_DAYS = 14;

export const load: PageServerLoad = async ({ params, locals }) => {
	const target = await loadRoom(params.id);
	if (!target) error(404, { message: 'not found' });
	const today = seoulDate(clock.now());
	const { from, to } = seoulDays(today, LIST_DAYS);
	const [busyMap, photos] = await Promise.all([busyByRoom(from, to, locals.user, [target.room.resourceId]), roomPhotos.listPhotos(target.room.resourceId)]);
	const busy = busyMap.get(target.room.resourceId) ?? [];
	// Whether this person may book the room at all (its roles or schools may leave them out).
	const leftOut = onlyFor(target, locals.user ?? null);
	return {
		// Public facts only, whoever asks: the page's data is readable as __data.json.
		...rooms.publicFacts(target),
		breadcrumb: getLocale() === 'en' ? target.room.nameEn : target.room.nameKo,
		busy,
		photos: photos.map(({ id, altKo, altEn, largeWidth, largeHeight, thumbWidth, thumbHeight }) => ({ id, altKo, altEn, largeWidth, largeHeight, thumbWidth, thumbHeight })),
		listDays: LIST_DAYS,
		canBook: locals.user !== null && can(locals.user, 'rooms.book') && leftOut === null,
		onlyFor: leftOut,
		canMove: locals.user !== null && can(locals.user, 'rooms.manage')
	};
};
