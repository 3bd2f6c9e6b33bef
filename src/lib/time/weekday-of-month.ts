import type { IsoDate } from './seoul';

/** A Seoul calendar date as midnight UTC, read back with UTC getters: the machine's TZ never enters. */
const floating = (date: IsoDate) => new Date(`${date}T00:00:00.000Z`);

/** 0 = Monday … 6 = Sunday, of a Seoul date. */
export const mondayIndex = (date: IsoDate) => (floating(date).getUTCDay() + 6) % 7;

/** The nth weekday of the month `date` is on (1…5), and whether it is the last one. */
export function weekdayPosition(date: IsoDate): { nth: number; last: boolean } {
	const d = floating(date);
	const nth = Math.ceil(d.getUTCDate() / 7);
	const next = new Date(d.getTime() + 7 * 86_400_000);
	return { nth, last: next.getUTCMonth() !== d.getUTCMonth() };
}

/** Day of the month (1–31) of a Seoul date. */
export const dayOfMonth = (date: IsoDate) => floating(date).getUTCDate();
