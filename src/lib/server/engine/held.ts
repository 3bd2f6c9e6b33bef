import { MINUTE_MS } from '../../time/seoul';

/** The interval a booking occupies: the booking plus the room's set-up and clean-up buffers. */
export function heldInterval(
	start: Date,
	end: Date,
	buffers: { bufferBeforeMinutes: number; bufferAfterMinutes: number }
): { heldFrom: Date; heldUntil: Date } {
	return {
		heldFrom: new Date(start.getTime() - buffers.bufferBeforeMinutes * MINUTE_MS),
		heldUntil: new Date(end.getTime() + buffers.bufferAfterMinutes * MINUTE_MS)
	};
}

/** Half-open intervals overlap when each starts before the other ends; touching is not overlap. */
export function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
	return a.start < b.end && b.start < a.end;
}
