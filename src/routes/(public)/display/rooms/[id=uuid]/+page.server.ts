import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { bookingHref } from '$lib/schemas/booking-form';
import * as clock from '$lib/server/clock';
import { config } from '$lib/server/config';
import { qrSvg } from '$lib/server/qr';
import { doorDisplay, DOOR_REFRESH_SECONDS } from '$lib/server/rooms/door';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const display = await doorDisplay(params.id, clock.now());
	if (!display) error(404);
	// A wall tablet asks again every minute; nothing here is worth caching longer.
	setHeaders({ 'cache-control': 'no-store' });
	const bookUrl = new URL(bookingHref({ roomId: display.room.id }), config.origin).toString();
	return {
		display,
		locale: getLocale(),
		refreshSeconds: DOOR_REFRESH_SECONDS,
		qr: await qrSvg(bookUrl),
		bookUrl,
		// The root layout leaves out its header, navigation and footer.
		bare: true
	};
};
