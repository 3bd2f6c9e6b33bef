import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';

const load = (locale: string) =>
	JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const ko = load('ko');
const en = load('en');
const keys = (messages: Record<string, string>) => Object.keys(messages).filter((k) => !k.startsWith('$'));

describe('message catalogues', () => {
	it('choose Korean particles instead of writing both: no 은(는), 이(가), 을(를), 와(과), (으)로', () => {
		const both = /은\(는\)|는\(은\)|이\(가\)|가\(이\)|을\(를\)|를\(을\)|와\(과\)|과\(와\)|\(으\)로/;
		expect(keys(ko).filter((k) => both.test(ko[k]!))).toEqual([]);
	});

	it('have the same keys in Korean and English', () => {
		expect(keys(en).sort()).toEqual(keys(ko).sort());
	});

	it('have no empty message and the same placeholders in both languages', () => {
		for (const key of keys(ko)) {
			expect(ko[key]!.trim(), key).not.toBe('');
			expect(en[key]!.trim(), key).not.toBe('');
			const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
			expect(params(en[key]!), key).toEqual(params(ko[key]!));
		}
	});

	it('compiled: every message renders in both languages (the Paraglide plugin loaded)', () => {
		const messages = m as unknown as Record<string, (p: object, o: { locale: string }) => string>;
		for (const key of keys(ko)) {
			expect(typeof messages[key], key).toBe('function');
			expect(messages[key]!({}, { locale: 'ko' })).not.toMatch(/^undefined$/);
		}
		expect(m.app_name({}, { locale: 'ko' })).toBe('학교지원본부 통합예약');
		expect(m.app_name({}, { locale: 'en' })).toBe('School Support Center Booking');
	});
});

/** Source files under `roots` that `keep` accepts, not descending into directories `skip` names. */
function sourceFiles(roots: string[], keep: (file: string) => boolean, skip: string[] = []): string[] {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir)) {
			const full = path.join(dir, entry);
			if (statSync(full).isDirectory()) {
				if (!skip.includes(entry)) walk(full);
			} else if (keep(full)) files.push(full);
		}
	};
	for (const root of roots) walk(path.resolve(root));
	return files;
}

describe('server message keys', () => {
	it('exist in the catalogues for every key a service can return', async () => {
		const files = sourceFiles(['src/lib/server', 'src/routes'], (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
		const used = new Set<string>();
		for (const file of files) {
			const source = readFileSync(file, 'utf8');
			for (const match of source.matchAll(/messageKey: '(\w+)'|(?:Error|say)\('(\w+)'/g)) used.add((match[1] ?? match[2])!);
		}
		expect(used.size).toBeGreaterThan(20);
		const missing = [...used].filter((key) => !(key in ko));
		expect(missing).toEqual([]);
	});
});

describe('messages in the browser', () => {
	it('are looked up by name, never by a built key, outside the server (or every message of both languages ships to every page)', async () => {
		const files = sourceFiles(
			['src/lib', 'src/routes'],
			(file) => /\.(svelte|ts)$/.test(file) && !/\.(test|server)\.ts$/.test(file) && !file.endsWith('+server.ts'),
			['server', 'paraglide']
		);
		expect(files.length).toBeGreaterThan(20);
		const dynamic = files.filter((file) => /\bm as unknown\b|\bm\[/.test(readFileSync(file, 'utf8')));
		expect(dynamic).toEqual([]);
	});
});
