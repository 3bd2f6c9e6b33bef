/**
 * Page weight: what a first visit to each public page transfers (HTML, CSS, JS, fonts, other),
 * with an empty cache, over the built app on the embedded database with the demo data. Prints
 * figures; asserts nothing (the targets are in README › Performance).
 *
 *   npm run build && npm run bench:weight
 *
 * Bytes are as sent on the wire (Chromium's encodedDataLength: compressed where the server
 * compressed). JS is also given gzip-compressed, the usual yardstick.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

const PORT = Number(process.env.BENCH_WEIGHT_PORT ?? 4390);
const BASE = `http://localhost:${PORT}`;

type Kind = 'html' | 'css' | 'js' | 'font' | 'other';
const kindOf = (type: string, url: string): Kind =>
	type === 'Document' ? 'html' : type === 'Stylesheet' ? 'css' : type === 'Script' ? 'js' : type === 'Font' || /\.woff2?$/.test(url) ? 'font' : 'other';

interface Weight {
	bytes: Record<Kind, number>;
	files: Record<Kind, number>;
	jsGzip: number;
}

async function weigh(page: Page, path: string): Promise<Weight> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	const requests = new Map<string, { type: string; url: string }>();
	const weight: Weight = { bytes: { html: 0, css: 0, js: 0, font: 0, other: 0 }, files: { html: 0, css: 0, js: 0, font: 0, other: 0 }, jsGzip: 0 };
	const bodies: Promise<void>[] = [];
	cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, { type: e.type, url: e.response.url }));
	cdp.on('Network.loadingFinished', (e) => {
		const r = requests.get(e.requestId);
		if (!r) return;
		const kind = kindOf(r.type, r.url);
		weight.bytes[kind] += e.encodedDataLength;
		weight.files[kind] += 1;
		if (kind === 'js')
			bodies.push(
				cdp.send('Network.getResponseBody', { requestId: e.requestId }).then((b) => {
					weight.jsGzip += gzipSync(b.base64Encoded ? Buffer.from(b.body, 'base64') : Buffer.from(b.body)).length;
				})
			);
	});
	await page.goto(BASE + path, { waitUntil: 'networkidle' });
	// Fonts load when text is laid out; give the last ones a moment.
	await page.evaluate(() => document.fonts.ready);
	await page.waitForLoadState('networkidle');
	await Promise.all(bodies);
	await cdp.detach();
	return weight;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-weight-'));
	const app = spawn(process.execPath, ['build'], {
		env: { ...process.env, PORT: String(PORT), ORIGIN: BASE, DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: '1', LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	try {
		for (let i = 0; ; i++) {
			const ok = await fetch(`${BASE}/healthz`).then((r) => r.ok).catch(() => false);
			if (ok) break;
			if (i > 120) throw new Error('the app did not start');
			await new Promise((r) => setTimeout(r, 500));
		}
		const rooms = (await (await fetch(`${BASE}/api/v1/rooms`)).json()) as { rooms: { id: string }[] };
		const pages = [
			['/', 'home'],
			['/login', 'login'],
			['/rooms', 'rooms'],
			[`/rooms/${rooms.rooms[0]!.id}`, 'a room (calendar)'],
			['/board', 'board (day)'],
			['/board?view=week', 'board (week)']
		] as const;
		const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
		console.log(`\nFirst visit, empty cache, ${BASE} (built app, embedded database, demo data)\n`);
		const header = ['page', 'locale', 'total', 'html', 'css', 'js', 'js gzip', 'fonts (files)', 'other'];
		const rows: string[][] = [];
		for (const locale of ['ko', 'en']) {
			for (const [url, name] of pages) {
				const context = await browser.newContext({ locale: 'ko-KR' });
				await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: BASE }]);
				const page = await context.newPage();
				const w = await weigh(page, url);
				const total = Object.values(w.bytes).reduce((a, b) => a + b, 0);
				rows.push([name, locale, kb(total), kb(w.bytes.html), kb(w.bytes.css), kb(w.bytes.js), kb(w.jsGzip), `${kb(w.bytes.font)} (${w.files.font})`, kb(w.bytes.other)]);
				await context.close();
			}
		}
		await browser.close();
		const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
		const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
		console.log(line(header));
		for (const row of rows) console.log(line(row));
	} finally {
		app.kill('SIGTERM');
		rmSync(dataDir, { recursive: true, force: true });
	}
}

await main();
