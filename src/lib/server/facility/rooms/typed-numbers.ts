/** Numbers as staff type them into the room forms, read back (null: not that) and written out. */

export type Range = { min: number; max: number };

const WHOLE = /^-?\d{1,6}$/;
const DECIMAL = /^\d{1,6}(\.\d{1,2})?$/;

export function wholeIn(value: string, range: Range): number | null {
	const trimmed = value.trim();
	if (!WHOLE.test(trimmed)) return null;
	const n = Number(trimmed);
	return n >= range.min && n <= range.max ? n : null;
}

/** Hours as typed ("1", "1.5", "0.25") to whole minutes, or null when it is not that. */
export function hoursToMinutes(value: string, range: Range): number | null {
	const trimmed = value.trim();
	if (!DECIMAL.test(trimmed)) return null;
	const hours = Number(trimmed);
	const minutes = Math.round(hours * 60);
	const wholeMinutes = Math.abs(hours * 60 - minutes) < 1e-9;
	return wholeMinutes && hours >= range.min && hours <= range.max ? minutes : null;
}

export const minutesToHoursText = (minutes: number) => String(Number((minutes / 60).toFixed(2)));
