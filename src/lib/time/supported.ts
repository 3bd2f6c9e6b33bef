import { isIsoDate, seoulInstant, type IsoDate } from './seoul';

/**
 * The calendar the app handles, as Seoul dates, both ends included. Outside it the holiday
 * tables are empty, week maths leaves the range and two-digit years are surely typos; every
 * date and instant is refused at parsing, before any service or query sees it.
 */
export const SUPPORTED_DATES = { first: '2000-01-01', last: '2100-12-31' } as const satisfies Record<string, IsoDate>;
/** [first instant, end) of the supported range, Asia/Seoul. */
export const SUPPORTED_FROM = seoulInstant(SUPPORTED_DATES.first);
export const SUPPORTED_UNTIL = seoulInstant(SUPPORTED_DATES.last, 24 * 60);
export const SUPPORTED_YEARS = { first: Number(SUPPORTED_DATES.first.slice(0, 4)), last: Number(SUPPORTED_DATES.last.slice(0, 4)) };

/** A real 'YYYY-MM-DD' (no 2027-02-29, no 2027-06-31) inside SUPPORTED_DATES. */
export function isSupportedDate(value: string): boolean {
	return isIsoDate(value) && value >= SUPPORTED_DATES.first && value <= SUPPORTED_DATES.last;
}

export function isSupportedInstant(instant: Date): boolean {
	const ms = instant.getTime();
	return ms >= SUPPORTED_FROM.getTime() && ms < SUPPORTED_UNTIL.getTime();
}

/** The earliest of two dates, or the latest: clamp a page's date range into the supported one. */
export function clampDate(date: IsoDate): IsoDate {
	return date < SUPPORTED_DATES.first ? SUPPORTED_DATES.first : date > SUPPORTED_DATES.last ? SUPPORTED_DATES.last : date;
}
