import type { BoardBusy } from '$lib/board';
import { m } from '$lib/paraglide/messages';
import { formatTime } from '$lib/time/format';

const STATUS: Record<string, () => string> = {
	requested: m.board_status_requested,
	confirmed: m.board_status_confirmed
};

export function statusLabel(status: string | undefined): string {
	return (status && STATUS[status]?.()) || '';
}

export function timeRange(start: string | number, end: string | number): string {
	return `${formatTime(start)}–${formatTime(end)}`;
}

/** What a busy interval shows: the booking's own times for the viewer, the held time for others. */
export function busyTimes(busy: BoardBusy): string {
	return busy.mine && busy.bookingStart && busy.bookingEnd
		? timeRange(busy.bookingStart, busy.bookingEnd)
		: timeRange(busy.start, busy.end);
}
