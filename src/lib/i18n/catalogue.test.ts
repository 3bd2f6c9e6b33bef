import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as paraglide from '$lib/paraglide/messages';
import { localizeParams, suppliedParams } from '$lib/server/i18n';

const load = (locale: string) =>
	JSON.parse(readFileSync(new URL(`../../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const catalogues = { ko: load('ko'), en: load('en') };
const keys = Object.keys(catalogues.ko).filter((k) => !k.startsWith('$'));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!);

/** Messages that describe the API's wire format to API clients: ISO belongs there. */
const API_FORMAT_KEYS = new Set(['booking_time_invalid', 'availability_date_invalid']);

/**
 * A value of the kind a service or a page passes for a placeholder of that name: ISO dates and
 * instants, minutes as numbers (`…Minutes`), counts. localizeParams is what say() uses.
 */
function sample(name: string): string | number {
	if (/Minutes$/.test(name)) return 4320;
	if (/^(date|day|exampleDate|first|last)$/.test(name)) return name === 'first' || name === 'last' ? 2000 : '2026-12-05';
	if (/^(from|to|when|start|end|before|after)$/.test(name)) return '2026-12-05T14:00:00+09:00';
	if (/^(count|total|free|n|min|max|days|floor|capacity|pending|sent|failed|kept|cancelled|used|limit|left)$/.test(name)) return 3;
	return '회의실';
}

const m = paraglide as unknown as Record<string, (p: object, o: { locale: string }) => string>;

describe('the catalogues speak as people do', () => {
	it('have no raw time unit after a placeholder ("{minutes}분", "{n} minutes"): durations go through formatDuration', () => {
		const rawKo = /\{\w+\}\s?(분|시간|초)(?![가-힣])/;
		const rawEn = /\{\w+\}[- ](minutes?|hours?|seconds?)\b/;
		const rawName = /^(minutes|hours|seconds)$/;
		const found = keys.filter(
			(k) => rawKo.test(catalogues.ko[k]!) || rawEn.test(catalogues.en[k]!) || placeholders(catalogues.ko[k]!).some((p) => rawName.test(p))
		);
		expect(found).toEqual([]);
	});

	it('show no ISO date and no raw count of minutes once rendered with the values services pass', () => {
		const messages = m;
		const iso = /\d{4}-\d{2}-\d{2}/;
		const rawMinutes = /\b\d{3,}\s?(분|minutes)/;
		const offenders: string[] = [];
		for (const locale of ['ko', 'en'] as const) {
			for (const key of keys.filter((k) => !API_FORMAT_KEYS.has(k))) {
				const params = Object.fromEntries(placeholders(catalogues[locale][key]!).map((p) => [p, sample(p)]));
				const said = messages[key]!(localizeParams({ ...suppliedParams(), ...params }, locale), { locale });
				if (iso.test(said) || rawMinutes.test(said)) offenders.push(`${locale} ${key}: ${said}`);
			}
		}
		expect(offenders).toEqual([]);
	});

	it('say durations as days, hours and minutes: "시작 3일 전까지", "at least 3 days"', () => {
		const ko = localizeParams({ leadMinutes: 4320 }, 'ko');
		expect(m.rule_lead_time!(ko, { locale: 'ko' })).toBe('시작 3일 전까지 예약해야 합니다.');
		expect(m.rule_lead_time!(localizeParams({ leadMinutes: 90 }, 'en'), { locale: 'en' })).toBe('Book at least 1 hour 30 minutes before the start.');
	});

	it('offer an example date that is never in the past: a week after the clock’s today', async () => {
		const clock = await import('$lib/server/clock');
		clock.freeze(new Date('2031-03-10T03:00:00Z'));
		try {
			const said = m.field_date_invalid!(localizeParams(suppliedParams(), 'ko'), { locale: 'ko' });
			expect(said).toBe('날짜를 확인해 주세요. 예: 2031년 3월 17일 (월)');
		} finally {
			clock.reset();
		}
	});
});
