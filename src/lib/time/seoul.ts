/**
 * Calendar maths in Asia/Seoul, independent of the machine's zone. Dates are 'YYYY-MM-DD'.
 *
 * Korea has kept UTC+9 without daylight saving since 1988, so Seoul wall-clock time is UTC
 * shifted by nine hours: plain arithmetic, no zone database on the hot path (the booking rules
 * and the board call these thousands of times per request). seoul.test.ts checks the shortcut
 * against the IANA zone (@date-fns/tz) over every day of several years.
 */
export type IsoDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 24 * 60;
export const SEOUL_OFFSET_MS = 9 * 60 * MINUTE_MS;

/** A Date whose UTC fields read as Seoul wall-clock time. */
function shifted(instant: Date): Date {
	return new Date(instant.getTime() + SEOUL_OFFSET_MS);
}

function parts(instant: Date) {
	const d = shifted(instant);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isIsoDate(value: string): boolean {
	const match = DATE_PATTERN.exec(value);
	if (!match) return false;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const probe = new Date(Date.UTC(y, m - 1, d));
	return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** The Seoul calendar date of an instant. */
export function seoulDate(instant: Date): IsoDate {
	const p = parts(instant);
	return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** 0 = Sunday … 6 = Saturday, in Seoul. */
export function seoulWeekday(instant: Date): number {
	return parts(instant).weekday;
}

/** Minutes since Seoul midnight. */
export function seoulMinuteOfDay(instant: Date): number {
	const msOfDay = (((instant.getTime() + SEOUL_OFFSET_MS) % 86_400_000) + 86_400_000) % 86_400_000;
	return msOfDay / MINUTE_MS;
}

/** The instant of a Seoul wall-clock time (minute may be 1440 for the next midnight). */
export function seoulInstant(date: IsoDate, minuteOfDay = 0): Date {
	const match = DATE_PATTERN.exec(date);
	if (!match) throw new RangeError(`not a date: ${date}`);
	const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	return new Date(utcMidnight - SEOUL_OFFSET_MS + minuteOfDay * MINUTE_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
	const match = DATE_PATTERN.exec(date)!;
	const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Weekday of a calendar date (0 = Sunday). */
export function weekdayOf(date: IsoDate): number {
	const match = DATE_PATTERN.exec(date)!;
	return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay();
}

/** Monday of the week holding `date`. */
export function mondayOf(date: IsoDate): IsoDate {
	return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** [first instant, first instant of next month) of the Seoul month holding `instant`. */
export function seoulMonthRange(instant: Date): { from: Date; to: Date } {
	const p = parts(instant);
	const first = `${p.year}-${pad(p.month)}-01`;
	const next = p.month === 12 ? `${p.year + 1}-01-01` : `${p.year}-${pad(p.month + 1)}-01`;
	return { from: seoulInstant(first), to: seoulInstant(next) };
}

export function minutesBetween(from: Date, to: Date): number {
	return (to.getTime() - from.getTime()) / MINUTE_MS;
}

/** An instant as ISO 8601 in Seoul wall-clock time with its offset (`2027-01-05T14:00:00+09:00`), as the API writes slots. */
export function seoulIso(instant: Date): string {
	const d = shifted(instant);
	return `${seoulDate(instant)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+09:00`;
}
