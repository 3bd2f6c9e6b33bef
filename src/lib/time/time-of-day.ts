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
