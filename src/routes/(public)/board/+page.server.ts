import { getLocale } from '$lib/paraglide/runtime';
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
	const first = view === 'week' ? mondayOf(date) : date;
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
