import { seoulDate, seoulInstant, seoulMinuteOfDay } from '../../time/seoul';

/** The asked length rounded to the nearest whole number of grid steps (at least one step). */
export function onGridLength(lengthMs: number, stepMinutes: number): number {
	const stepMs = stepMinutes * 60_000;
	return Math.max(1, Math.round(lengthMs / stepMs)) * stepMs;
}

/** The nearest grid time to `start` on its Seoul day. */
export function onGridStart(start: Date, stepMinutes: number): Date {
	const minute = seoulMinuteOfDay(start);
	return seoulInstant(seoulDate(start), Math.round(minute / stepMinutes) * stepMinutes);
}
