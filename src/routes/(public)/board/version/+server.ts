import { json } from '@sveltejs/kit';
import { boardVersionQuery } from '$lib/schemas/availability';
import { api } from '$lib/server/http/api';
import { readQuery } from '$lib/server/http/input';
import * as roomSearch from '$lib/server/rooms/search';
import type { RequestHandler } from './$types';

/**
 * The open board's poll: `?date=YYYY-MM-DD&view=day|week` → `{ "version": "…" }`, a fingerprint of
 * what that board shows (no who, no what); the page reloads its data when it changes.
 */
export const GET: RequestHandler = (event) =>
	api(event, async () => {
		const { date, view } = readQuery(event.url, boardVersionQuery);
		return json({ version: await roomSearch.boardVersion(date, view) }, { headers: { 'cache-control': 'no-store' } });
	});
