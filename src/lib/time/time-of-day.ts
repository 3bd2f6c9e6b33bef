/**
 * Times of day as staff type them: "HH:MM" on the Asia/Seoul wall clock, read as minutes after
 * midnight. The inverse, minutes to "HH:MM", is formatMinuteOfDay in ./format.
 */

/** "24:00" is allowed: it is how a day that runs to midnight is closed. */
const TIME_OF_DAY = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** "09:30" → 570; "24:00" → 1440; anything else → null. */
export function parseTimeOfDay(value: string): number | null {
	const match = TIME_OF_DAY.exec(value.trim());
	if (!match) return null;
	const minutes = Number(match[1]) * 60 + Number(match[2]);
	return minutes <= 24 * 60 ? minutes : null;
}

const MINUTES_PER_DAY = 24 * 60;

function hhmm(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The choices of a time field: every `stepMinutes` from `fromMinute` to `toMinute` (both included),
 * 24-hour "HH:MM". A kept value that is off the grid (from the address, or typed before a room
 * changed) stays choosable, in order, so nothing a person entered is lost.
 */
export function gridTimes(fromMinute: number, toMinute: number, stepMinutes: number, keep?: string | null): string[] {
	const step = Math.max(1, Math.round(stepMinutes));
	const last = Math.min(MINUTES_PER_DAY, toMinute);
	const times: string[] = [];
	for (let minute = Math.max(0, fromMinute); minute <= last; minute += step) times.push(hhmm(minute));
	if (keep && parseTimeOfDay(keep) !== null && !times.includes(keep)) return [...times, keep].sort();
	return times;
}
