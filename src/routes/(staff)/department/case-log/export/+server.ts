import { error } from '@sveltejs/kit';
import { caseLogQuery } from '$lib/schemas/consultations';
import { parseInput, queryObject } from '$lib/schemas/issues';
import * as caselog from '$lib/server/consultations/caselog';
import { requirePermission } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** The case access log of the range as CSV (UTF-8 with BOM, Korean headers); the export is logged as a read of each case it lists. */
export const GET: RequestHandler = async (event) => {
	const actor = requirePermission(event, 'consultations.review_case_log', { departmentId: event.locals.user?.departmentId ?? null });
	const parsed = parseInput(caseLogQuery, queryObject(event.url.searchParams));
	if (!parsed.ok) error(400, { message: 'invalid range' });
	const { from, to } = parsed.value;
	const rows = await caselog.exportEntries(actor, { from, to }, event.getClientAddress());
	const name = `case-access-log${from ? `-${from}` : ''}${to ? `-${to}` : ''}.csv`;
	return new Response(caselog.toCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`상담-열람-내역${from ? `-${from}` : ''}${to ? `-${to}` : ''}.csv`)}`,
			'cache-control': 'no-store'
		}
	});
};
