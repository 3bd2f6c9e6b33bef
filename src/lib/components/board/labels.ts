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

/** The status word everyone may read: pending or confirmed (who and what stay with the booker and staff). */
export function busyStatus(busy: BoardBusy): string {
	return statusLabel(busy.status ?? (busy.pending ? 'requested' : 'confirmed'));
}

export function timeRange(start: string | number, end: string | number): string {
	return `${formatTime(start)}–${formatTime(end)}`;
}

/**
 * What a busy interval shows: the booking's own times, for everyone (the set-up and clean-up
 * buffers are drawn as a shaded extension, never added to the times people read).
 */
export function busyTimes(busy: BoardBusy): string {
	return timeRange(busy.bookingStart, busy.bookingEnd);
}

/** Where one booking's held time and its own time fall inside a cell spanning [from, to), in percent of the cell's width. */
export function heldBar(busy: BoardBusy, from: number, to: number): { left: number; width: number; pre: number; post: number } {
	const span = to - from;
	const pct = (instant: number) => Math.min(100, Math.max(0, ((instant - from) / span) * 100));
	const h0 = pct(busy.start);
	const h1 = pct(busy.end);
	const b0 = pct(busy.bookingStart);
	const b1 = pct(busy.bookingEnd);
	const width = Math.max(h1 - h0, 0.0001);
	return { left: h0, width: h1 - h0, pre: ((b0 - h0) / width) * 100, post: ((h1 - b1) / width) * 100 };
}
