import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enUS, ko } from 'date-fns/locale';

/** Business time of the center, whatever the server's or the browser's zone. */
export const BUSINESS_TIME_ZONE = 'Asia/Seoul';

export type Locale = 'ko' | 'en';

const PATTERNS = {
	ko: { dateTime: 'yyyy년 M월 d일 (EEE) HH:mm', date: 'yyyy년 M월 d일 (EEE)', time: 'HH:mm' },
	en: { dateTime: 'EEE, d MMM yyyy, HH:mm', date: 'EEE, d MMM yyyy', time: 'HH:mm' }
} as const;

const LOCALES = { ko, en: enUS } as const;

function inSeoul(instant: Date | string | number): TZDate {
	return new TZDate(new Date(instant).getTime(), BUSINESS_TIME_ZONE);
}

/** "2026년 11월 24일 (화) 14:00" / "Tue, 24 Nov 2026, 14:00" in Asia/Seoul. */
export function formatDateTime(instant: Date | string | number, locale: Locale): string {
	return format(inSeoul(instant), PATTERNS[locale].dateTime, { locale: LOCALES[locale] });
}

/** "2026년 11월 24일 (화)" / "Tue, 24 Nov 2026" in Asia/Seoul. */
export function formatDate(instant: Date | string | number, locale: Locale): string {
	return format(inSeoul(instant), PATTERNS[locale].date, { locale: LOCALES[locale] });
}

/** "14:00" in Asia/Seoul. */
export function formatTime(instant: Date | string | number): string {
	return format(inSeoul(instant), PATTERNS.ko.time);
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
