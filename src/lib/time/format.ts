import { SEOUL_OFFSET_MS } from './seoul';

/** Business time of the center, whatever the server's or the browser's zone. */
export const BUSINESS_TIME_ZONE = 'Asia/Seoul';

export type Locale = 'ko' | 'en';

/*
 * Seoul has kept UTC+9 since 1988: wall-clock fields are the UTC fields of the instant shifted by
 * nine hours, so formatting is arithmetic and two small tables — no zone database, no date
 * library in the browser bundle, and no object built per formatted time (the board formats
 * thousands). format.test.ts checks every pattern against date-fns with the IANA zone.
 */
const WEEKDAYS = {
	ko: ['일', '월', '화', '수', '목', '금', '토'],
	en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
} as const;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The Seoul wall clock of an instant, read off a shifted Date's UTC fields. */
function wallClock(instant: Date | string | number) {
	const d = new Date(new Date(instant).getTime() + SEOUL_OFFSET_MS);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), weekday: d.getUTCDay(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

function dateOf(w: ReturnType<typeof wallClock>, locale: Locale): string {
	return locale === 'ko'
		? `${w.year}년 ${w.month + 1}월 ${w.day}일 (${WEEKDAYS.ko[w.weekday]})`
		: `${WEEKDAYS.en[w.weekday]}, ${w.day} ${MONTHS_EN[w.month]} ${w.year}`;
}

/** "2026년 11월 24일 (화) 14:00" / "Tue, 24 Nov 2026, 14:00" in Asia/Seoul. */
export function formatDateTime(instant: Date | string | number, locale: Locale): string {
	const w = wallClock(instant);
	return `${dateOf(w, locale)}${locale === 'ko' ? ' ' : ', '}${two(w.hour)}:${two(w.minute)}`;
}

/** "2026년 11월 24일 (화)" / "Tue, 24 Nov 2026" in Asia/Seoul. */
export function formatDate(instant: Date | string | number, locale: Locale): string {
	return dateOf(wallClock(instant), locale);
}

/**
 * A date in the pieces a line may break between: ["2026년", "12월 8일 (화)"] / ["Tue, 8 Dec", "2026"].
 * Joined with a space they are formatDate; a heading keeps each piece whole (never "12월 / 8일 (화)").
 */
export function formatDateParts(instant: Date | string | number, locale: Locale): [string, string] {
	const w = wallClock(instant);
	return locale === 'ko'
		? [`${w.year}년`, `${w.month + 1}월 ${w.day}일 (${WEEKDAYS.ko[w.weekday]})`]
		: [`${WEEKDAYS.en[w.weekday]}, ${w.day} ${MONTHS_EN[w.month]}`, String(w.year)];
}

/** "14:00" in Asia/Seoul. */
export function formatTime(instant: Date | string | number): string {
	const w = wallClock(instant);
	return `${two(w.hour)}:${two(w.minute)}`;
}

/** "09:00" from minutes after midnight. */
export function formatMinuteOfDay(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

/**
 * A duration as people say it: "3일", "1시간 30분", "15분" / "3 days", "1 hour 30 minutes",
 * "15 minutes" — never "4320분". Unit words come from the platform's CLDR data (Intl).
 */
export function formatDuration(totalMinutes: number, locale: Locale): string {
	const minutes = Math.max(0, Math.round(totalMinutes));
	const parts: [number, 'day' | 'hour' | 'minute'][] = [
		[Math.floor(minutes / MINUTES_PER_DAY), 'day'],
		[Math.floor((minutes % MINUTES_PER_DAY) / MINUTES_PER_HOUR), 'hour'],
		[minutes % MINUTES_PER_HOUR, 'minute']
	];
	const said = parts
		.filter(([n]) => n > 0)
		.map(([n, unit]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n));
	if (said.length === 0) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(0);
	return new Intl.ListFormat(locale, { type: 'unit', style: locale === 'ko' ? 'long' : 'narrow' }).format(said);
}

/** CLDR plural rules, one per language ("1 person", "2 people"; Korean has one form for all). */
const PLURAL_RULES: Record<Locale, Intl.PluralRules> = { ko: new Intl.PluralRules('ko'), en: new Intl.PluralRules('en') };

/** The plural category of a count in a language: "one" for 1 in English, "other" for everything in Korean. */
export function pluralCategory(count: number, locale: Locale): Intl.LDMLPluralRule {
	return PLURAL_RULES[locale].select(count);
}

/**
 * The form of a counted phrase for `count`: `one` where the language says "1 person" (English),
 * `other` for every other count and for every count in Korean. Forms are message functions, so
 * the words stay in the catalogue: byCount(n, locale, { one: m.rpol_people_one, other: m.people_n })({ count: n }).
 */
export function byCount<T>(count: number, locale: Locale, forms: { one: T; other: T }): T {
	return pluralCategory(count, locale) === 'one' ? forms.one : forms.other;
}
