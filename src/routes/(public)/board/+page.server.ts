import { getLocale } from '$lib/paraglide/runtime';
import { can } from '$lib/server/auth/permissions';
import * as clock from '$lib/server/clock';
import * as roomSearch from '$lib/server/rooms/search';
import { seoulDate, weekdayOf } from '$lib/time/seoul';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const now = clock.now();
	const today = seoulDate(now);
	const asked = url.searchParams.get('date')?.trim() ?? '';
	const dateInvalid = asked !== '' && !roomSearch.isPageDate(asked);
	const date = asked && !dateInvalid ? asked : today;
	const view = url.searchParams.get('view') === 'week' ? 'week' : 'day';
	// The wall screen (?display=1) is read-only and shows busy/free only, whoever is signed in at it.
	const display = url.searchParams.get('display') === '1';
	const { first, days } = roomSearch.boardRange(date, view);
	const board = await roomSearch.board(first, days, display ? null : locals.user);
	const en = getLocale() === 'en';
	const weekday = weekdayOf(date);
	return {
		view,
		date,
		today,
		now: now.getTime(),
		dateInvalid,
		askedDate: asked,
		display,
		canBook: !display && locals.user !== null && can(locals.user, 'rooms.book'),
		holidays: board.holidays,
		// The day view needs only that weekday's hours: the page is sent only what it renders.
		rooms: board.rooms.map(({ nameKo, nameEn, hours, ...rest }) => ({
			...rest,
			hours: view === 'day' ? hours.filter((h) => h.weekday === weekday) : hours,
			name: en ? nameEn : nameKo
		}))
	};
};
