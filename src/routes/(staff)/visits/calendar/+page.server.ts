import { fail } from '@sveltejs/kit';
import * as z from 'zod';
import { parseInput } from '$lib/schemas/issues';
import { calendarDate, safeText } from '$lib/schemas/primitives';
import * as clock from '$lib/server/clock';
import { NotFoundError, ValidationError } from '$lib/server/errors';
import { requirePermission } from '$lib/server/guards';
import { formObject } from '$lib/server/http/forms';
import { fieldErrors, say } from '$lib/server/i18n';
import * as capacity from '$lib/server/visits/capacity';
import { addDays, seoulDate } from '$lib/time/seoul';
import type { Actions, PageServerLoad } from './$types';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const closeForm = z.object({ date: calendarDate('visit_date_invalid'), reason: safeText({ max: 200 }) });
const reopenForm = z.object({ date: calendarDate('visit_date_invalid') });

/** A month's days with their confirmed visits and whether they take visits (coordinators and admins). */
export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'visits.manage');
	const today = seoulDate(clock.now());
	const asked = MONTH.exec(event.url.searchParams.get('month') ?? '');
	const month = asked && Number(asked[1]) >= 2000 && Number(asked[1]) <= 2100 ? `${asked[1]}-${asked[2]}` : today.slice(0, 7);
	const first = `${month}-01`;
	const next = addDays(first, 32).slice(0, 7);
	const last = addDays(`${next}-01`, -1);
	const [days, visits] = await Promise.all([capacity.days(first, last), capacity.confirmedDuring(first, last)]);
	const previous = addDays(first, -1).slice(0, 7);
	return { month, previous, next, today, days, visits };
};

export const actions: Actions = {
	close: async (event) => {
		const actor = requirePermission(event, 'visits.manage');
		const values = formObject(await event.request.formData());
		const input = parseInput(closeForm, values);
		if (!input.ok) return fail(422, { date: String(values.date ?? ''), errors: fieldErrors(input.problems) });
		try {
			await capacity.closeDay(actor, input.value.date, input.value.reason);
			return { closed: input.value.date };
		} catch (e) {
			if (e instanceof ValidationError) return fail(422, { date: input.value.date, errors: fieldErrors(e.violations) });
			throw e;
		}
	},
	reopen: async (event) => {
		const actor = requirePermission(event, 'visits.manage');
		const input = parseInput(reopenForm, formObject(await event.request.formData()));
		if (!input.ok) return fail(422, { errors: fieldErrors(input.problems) });
		try {
			await capacity.reopenDay(actor, input.value.date);
			return { reopened: input.value.date };
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { message: say('visit_reopen_not_closed') });
			throw e;
		}
	}
};
