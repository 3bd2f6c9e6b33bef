/**
 * A repeat rule in words, the way a person says it: "매월 둘째 화요일, 10회" / "Monthly on the
 * second Tuesday, 10 times". Pure and browser-safe (the booking form's preview, booking details,
 * "my bookings", e-mails). Calendar words live here beside the date formatter's own tables
 * (`format.ts`), not in the message catalogue, because they are assembled from parts.
 */
import type { Locale } from './format';
import type { IsoDate } from './seoul';
import { dayOfMonth, mondayIndex } from './weekday-of-month';

/** What a series keeps of its rule (`reservation_series.params`), read back. */
export interface RepeatParams {
	kind: 'weekly' | 'weekdays' | 'monthlyDate' | 'monthlyWeekday' | 'yearly';
	/** weekly: 1 every week, 2 every other week. */
	interval?: number;
	/** weekly: 0 = Monday … 6 = Sunday. */
	weekdays?: number[];
	/** monthlyWeekday: 1–4, or -1 for the last. */
	nth?: number;
	until?: IsoDate;
	count?: number;
}

const WEEKDAY_NAMES = {
	ko: ['월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일'],
	en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
} as const;
const ORDINAL_NAMES: Record<Locale, Record<string, string>> = {
	ko: { '1': '첫째', '2': '둘째', '3': '셋째', '4': '넷째', '-1': '마지막' },
	en: { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' }
};
const MONTH_NAMES_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const parts = (date: IsoDate) => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });

/** 1st, 2nd, 3rd, 4th … 21st, 22nd, 31st. */
export function englishOrdinal(n: number): string {
	const teen = n % 100 >= 11 && n % 100 <= 13;
	const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
	return `${n}${suffix}`;
}

/** "화요일, 목요일" / "Tuesday and Thursday" (Monday first). */
function weekdayList(weekdays: number[], locale: Locale): string {
	const names = [...new Set(weekdays)].sort((a, b) => a - b).map((w) => WEEKDAY_NAMES[locale][w] ?? '');
	return locale === 'ko' ? names.join(', ') : joinEnglish(names);
}

function joinEnglish(items: string[]): string {
	if (items.length <= 2) return items.join(' and ');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How often: "매주 화요일", "격주 화요일", "평일 매일", "매월 15일", "매월 둘째 화요일", "매월 마지막 금요일". */
export function repeatRuleText(params: RepeatParams, firstDate: IsoDate, locale: Locale): string {
	const ko = locale === 'ko';
	switch (params.kind) {
		case 'weekly': {
			const days = weekdayList(params.weekdays?.length ? params.weekdays : [mondayIndex(firstDate)], locale);
			if (params.interval === 2) return ko ? `격주 ${days}` : `Every other ${days}`;
			return ko ? `매주 ${days}` : `Every ${days}`;
		}
		case 'weekdays':
			return ko ? '평일 매일' : 'Every weekday (Monday to Friday)';
		case 'monthlyDate': {
			const day = dayOfMonth(firstDate);
			return ko ? `매월 ${day}일` : `Monthly on the ${englishOrdinal(day)}`;
		}
		case 'monthlyWeekday': {
			const ordinal = ORDINAL_NAMES[locale][String(params.nth ?? 1)] ?? '';
			const day = WEEKDAY_NAMES[locale][mondayIndex(firstDate)];
			return ko ? `매월 ${ordinal} ${day}` : `Monthly on the ${ordinal} ${day}`;
		}
		case 'yearly': {
			const { month, day } = parts(firstDate);
			return ko ? `매년 ${month}월 ${day}일` : `Every year on ${day} ${MONTH_NAMES_EN[month - 1]}`;
		}
	}
}

/** A date without weekday, for an end: "2027년 3월 31일" / "31 March 2027". */
export function plainDate(date: IsoDate, locale: Locale): string {
	const { year, month, day } = parts(date);
	return locale === 'ko' ? `${year}년 ${month}월 ${day}일` : `${day} ${MONTH_NAMES_EN[month - 1]} ${year}`;
}

/** How long: "2027년 3월 31일까지" / "until 31 March 2027", "10회" / "10 times". */
export function repeatEndText(params: Pick<RepeatParams, 'until' | 'count'>, locale: Locale): string {
	if (params.until) return locale === 'ko' ? `${plainDate(params.until, locale)}까지` : `until ${plainDate(params.until, locale)}`;
	const count = params.count ?? 0;
	return locale === 'ko' ? `${count}회` : `${count} ${count === 1 ? 'time' : 'times'}`;
}

/** The dates left out: "12월 25일, 2027년 1월 1일 제외" / "except 25 December 2026 and 1 January 2027". */
export function exceptionsText(exceptions: IsoDate[], locale: Locale): string {
	if (exceptions.length === 0) return '';
	const sorted = [...exceptions].sort();
	const names = sorted.map((d) => plainDate(d, locale));
	return locale === 'ko' ? `${names.join(', ')} 제외` : `except ${joinEnglish(names)}`;
}

/**
 * The months a rule on the 29th–31st passes over, in a sentence: "2027년 2월, 4월에는 31일이 없어
 * 예약하지 않습니다." / "No booking in February and April 2027: they have no 31st." Empty when none.
 */
export function skippedMonthsText(skippedMonths: string[], firstDate: IsoDate, locale: Locale): string {
	if (skippedMonths.length === 0) return '';
	const day = dayOfMonth(firstDate);
	const byYear = new Map<number, number[]>();
	for (const month of [...skippedMonths].sort()) {
		const year = Number(month.slice(0, 4));
		byYear.set(year, [...(byYear.get(year) ?? []), Number(month.slice(5, 7))]);
	}
	if (locale === 'ko') {
		const months = [...byYear].map(([year, list]) => `${year}년 ${list.map((m) => `${m}월`).join(', ')}`).join(', ');
		return `${months}에는 ${day}일이 없어 예약하지 않습니다.`;
	}
	const months = joinEnglish([...byYear].map(([year, list]) => `${joinEnglish(list.map((m) => MONTH_NAMES_EN[m - 1]!))} ${year}`));
	return `No booking in ${months}: ${skippedMonths.length === 1 ? 'it has' : 'they have'} no ${englishOrdinal(day)}.`;
}

/** A general note for a rule on the 29th–31st before its months are known: "31일이 없는 달은 건너뜁니다." */
export function shortMonthsNote(firstDate: IsoDate, locale: Locale): string {
	const day = dayOfMonth(firstDate);
	if (day < 29) return '';
	return locale === 'ko' ? `${day}일이 없는 달은 건너뜁니다.` : `Months without a ${englishOrdinal(day)} are skipped.`;
}

/** The whole rule in one line: "매월 둘째 화요일, 10회 (12월 25일 제외)" / "Monthly on the second Tuesday, 10 times, except 25 December 2026". */
export function describeRepeat(params: RepeatParams, firstDate: IsoDate, locale: Locale, exceptions: IsoDate[] = []): string {
	const text = `${repeatRuleText(params, firstDate, locale)}, ${repeatEndText(params, locale)}`;
	const except = exceptionsText(exceptions, locale);
	if (!except) return text;
	return locale === 'ko' ? `${text} (${except})` : `${text}, ${except}`;
}

/** What a page needs to say how a booking's series repeats (language-neutral, from the series row). */
export interface RepeatSummary {
	params: RepeatParams;
	/** The series' first Seoul date (its RRULE's DTSTART): the weekday and day of month the rule speaks of. */
	firstDate: IsoDate;
	exceptions: IsoDate[];
}

export const describeSummary = (summary: RepeatSummary, locale: Locale) => describeRepeat(summary.params, summary.firstDate, locale, summary.exceptions);

/** "화요일" / "Tuesday" (0 = Monday … 6 = Sunday). */
export const weekdayName = (index: number, locale: Locale) => WEEKDAY_NAMES[locale][index] ?? '';
/** "둘째" / "second", "마지막" / "last". */
export const ordinalName = (nth: number, locale: Locale) => ORDINAL_NAMES[locale][String(nth)] ?? '';
