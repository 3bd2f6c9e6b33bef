import { NotFoundError, ValidationError } from '$lib/server/errors';
import { api } from '$lib/server/http/api';
import { busyByRoom } from '$lib/server/reservations/availability';
import * as rooms from '$lib/server/rooms';
import { seoulInstant, isIsoDate } from '$lib/time/seoul';
import type { RequestHandler } from './$types';

const MAX_RANGE_DAYS = 62;

/** `from`/`to`: ISO instants with an offset, or Seoul dates (a date `to` is inclusive). */
function bound(value: string | null, end: boolean): Date | null {
	if (!value) return null;
	if (isIsoDate(value)) return seoulInstant(value, end ? 1440 : 0);
	if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
}

export const GET: RequestHandler = (event) =>
	api(event, async () => {
		const room = await rooms.find(event.params.id);
		if (!room) throw new NotFoundError('room_not_found');
		const from = bound(event.url.searchParams.get('from'), false);
		const to = bound(event.url.searchParams.get('to'), true);
		if (!from || !to || to <= from || to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000)
			throw new ValidationError([{ rule: 'range', messageKey: 'availability_range_invalid', params: { days: MAX_RANGE_DAYS } }]);
		const busy = await busyByRoom(from, to, event.locals.user, [room.resourceId]);
		return { body: { roomId: room.resourceId, from: from.toISOString(), to: to.toISOString(), busy: busy.get(room.resourceId) ?? [] } };
	});
