import { getLocale } from '$lib/paraglide/runtime';
import { clampDate } from '$lib/schemas/primitives';
import * as clock from '$lib/server/clock';
import * as roomSearch from '$lib/server/rooms/search';
import { mondayOf, seoulDate } from '$lib/time/seoul';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const today = seoulDate(clock.now());
	const asked = url.searchParams.get('date')?.trim() ?? '';
	const dateInvalid = asked !== '' && !roomSearch.isPageDate(asked);
	const date = asked && !dateInvalid ? asked : today;
	const view = url.searchParams.get('view') === 'week' ? 'week' : 'day';
	// The week of 2000-01-01 starts in 1999, outside the supported calendar: show it from its first day.
	const first = view === 'week' ? clampDate(mondayOf(date)) : date;
	const board = await roomSearch.board(first, view === 'week' ? 7 : 1, locals.user);
	const en = getLocale() === 'en';
	return {
		view,
		date,
		today,
		dateInvalid,
		askedDate: asked,
		holidays: board.holidays,
		rooms: board.rooms.map(({ nameKo, nameEn, ...rest }) => ({ ...rest, name: en ? nameEn : nameKo }))
	};
};
