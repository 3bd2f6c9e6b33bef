/** Numbers as staff type them into the room forms, read back (null: not that) and written out. */

export type Range = { min: number; max: number };

const WHOLE = /^-?\d{1,6}$/;

export function wholeIn(value: string, range: Range): number | null {
	const trimmed = value.trim();
	if (!WHOLE.test(trimmed)) return null;
	const n = Number(trimmed);
	return n >= range.min && n <= range.max ? n : null;
}


/** A duration as staff type it: whole hours and minutes in two fields (either may be left empty). */
export interface DurationText {
	hours: string;
	minutes: string;
}

const WHOLE_UNSIGNED = /^\d{1,6}$/;
const MINUTES_PER_HOUR = 60;

export const isBlankDuration = (d: DurationText) => d.hours.trim() === '' && d.minutes.trim() === '';

/**
 * Hours and minutes as typed ("1" and "30") to whole minutes (90); an empty field counts as 0.
 * Null when either is not a whole number, the minutes are 60 or more, or both are empty.
 */
export function durationToMinutes(d: DurationText): number | null {
	const hours = d.hours.trim();
	const minutes = d.minutes.trim();
	if (hours === '' && minutes === '') return null;
	if ((hours !== '' && !WHOLE_UNSIGNED.test(hours)) || (minutes !== '' && !WHOLE_UNSIGNED.test(minutes))) return null;
	const m = minutes === '' ? 0 : Number(minutes);
	if (m >= MINUTES_PER_HOUR) return null;
	return (hours === '' ? 0 : Number(hours)) * MINUTES_PER_HOUR + m;
}

/** Stored minutes as the two fields show them: 90 → "1" and "30"; 480 → "8" and "0". */
export function minutesToDuration(total: number): DurationText {
	return { hours: String(Math.floor(total / MINUTES_PER_HOUR)), minutes: String(total % MINUTES_PER_HOUR) };
}
