import { TZDate } from '@date-fns/tz';
import { BUSINESS_TIME_ZONE } from './format';

/** Calendar maths in Asia/Seoul, independent of the machine's zone. Dates are 'YYYY-MM-DD'. */
export type IsoDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 24 * 60;

function parts(instant: Date) {
	const d = new TZDate(instant.getTime(), BUSINESS_TIME_ZONE);
	return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), weekday: d.getDay(), minute: d.getHours() * 60 + d.getMinutes() };
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
	const d = new TZDate(instant.getTime(), BUSINESS_TIME_ZONE);
	return d.getHours() * 60 + d.getMinutes() + d.getSeconds() / 60 + d.getMilliseconds() / MINUTE_MS;
}

/** The instant of a Seoul wall-clock time (minute may be 1440 for the next midnight). */
export function seoulInstant(date: IsoDate, minuteOfDay = 0): Date {
	const match = DATE_PATTERN.exec(date);
	if (!match) throw new RangeError(`not a date: ${date}`);
	const midnight = new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 0, 0, 0, BUSINESS_TIME_ZONE);
	return new Date(midnight.getTime() + minuteOfDay * MINUTE_MS);
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
