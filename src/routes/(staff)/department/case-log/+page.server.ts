import type { RequestEvent } from '@sveltejs/kit';
import { caseLogQuery } from '$lib/schemas/consultations';
import { parseInput, queryObject } from '$lib/schemas/issues';
import * as caselog from '$lib/server/consultations/caselog';
import { departmentOf } from '$lib/server/consultations/topics';
import { requirePermission } from '$lib/server/guards';
import { fieldErrors } from '$lib/server/i18n';
import type { PageServerLoad } from './$types';

/** The department's lead only (consultations.review_case_log); anyone else, its staff included, gets 403. */
const guard = (event: Pick<RequestEvent, 'locals' | 'url'>) =>
	requirePermission(event, 'consultations.review_case_log', { departmentId: event.locals.user?.departmentId ?? null });

export const load: PageServerLoad = async (event) => {
	const actor = guard(event);
	const typed = { from: event.url.searchParams.get('from') ?? '', to: event.url.searchParams.get('to') ?? '' };
	const parsed = parseInput(caseLogQuery, queryObject(event.url.searchParams));
	const dept = await departmentOf(actor);
	if (!parsed.ok) return { department: dept, typed, errors: fieldErrors(parsed.problems), entries: [], total: 0, page: 1, pageCount: 1 };
	const { from, to, page } = parsed.value;
	const found = await caselog.page(actor, { from, to }, page);
	return {
		department: dept,
		typed,
		errors: {} as Record<string, string[]>,
		entries: found.entries.map((e) => ({ ...e, at: e.at.toISOString() })),
		total: found.total,
		page,
		pageCount: Math.max(1, Math.ceil(found.total / found.pageSize))
	};
};
