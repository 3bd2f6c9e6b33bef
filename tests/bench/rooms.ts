/**
 * Rooms benchmark: 30 rooms, 50,000 reservations over a year, on PGlite and (with
 * BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL. Prints figures; asserts nothing.
 *
 *   npm run build && npm run bench:rooms
 *
 * Measures: the day board query (all rooms, one Seoul day) p50/p95, the week board p50/p95, and
 * reservations created per second through HTTP (the built app, 20 concurrent clients). Then
 * counts overlapping holding reservations (must be 0). BENCH_QUOTA=1 books as a school into rooms with
 * a quota (the counted-limit path).
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type OpenDatabase } from '../../src/lib/server/db';
import { busyByRoom, seoulDays } from '../../src/lib/server/rooms/availability';
import { addDays, seoulDate, seoulInstant } from '../../src/lib/time/seoul';
import { cpuSeconds, ms, percentile, postgresCpuSeconds, prepare, QUOTA, startApp } from './common';

const BOARD_SAMPLES = 200;
const HTTP_CLIENTS = 20;
const HTTP_REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 2000);

async function boardFigures(days: string[]) {
	const day: number[] = [];
	const week: number[] = [];
	for (let i = 0; i < BOARD_SAMPLES; i++) {
		const date = days[Math.floor(Math.random() * days.length)]!;
		let t = performance.now();
		const { from, to } = seoulDays(date);
		await busyByRoom(from, to, null);
		day.push(performance.now() - t);
		t = performance.now();
		const w = seoulDays(date, 7);
		await busyByRoom(w.from, w.to, null);
		week.push(performance.now() - t);
	}
	day.sort((a, b) => a - b);
	week.sort((a, b) => a - b);
	return { day, week };
}

/**
 * One POST over a kept-alive connection with node:http: a light client, so the bench's own CPU
 * (it shares the machine's two cores with the app and PostgreSQL) stays small.
 */
const refusals: string[] = [];

function post(agent: http.Agent, port: number, path: string, headers: Record<string, string>, body: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			{ agent, host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
			(response) => {
				const status = response.statusCode ?? 0;
				// Refusals are kept (a few) so the figures say why some requests did not book.
				if (status >= 400 && refusals.length < 3) {
					let text = '';
					response.on('data', (chunk) => (text += chunk));
					response.on('end', () => {
						refusals.push(`${status} ${text.slice(0, 300)}`);
						resolve(status);
					});
				} else {
					response.resume();
					response.on('end', () => resolve(status));
				}
				response.on('error', reject);
			}
		);
		request.on('error', reject);
		request.end(body);
	});
}

async function httpFigures(port: number, roomIds: string[], days: string[], appPid: number) {
	const base = `http://localhost:${port}`;
	const login = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: QUOTA ? 'school@center.test' : 'facility@center.test', password: 'center-demo' }) });
	const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
	// Free slots within the 90-day horizon: 16:00–18:00 in half hours.
	const horizon = addDays(seoulDate(new Date()), 85);
	const slots: { roomId: string; start: Date; end: Date }[] = [];
	for (const day of days.filter((d) => d <= horizon))
		for (const minute of [960, 990, 1020, 1050])
			for (const roomId of roomIds) slots.push({ roomId, start: seoulInstant(day, minute), end: seoulInstant(day, minute + 30) });
	const total = Math.min(HTTP_REQUESTS, slots.length);
	const agent = new http.Agent({ keepAlive: true, maxSockets: HTTP_CLIENTS });
	let next = 0;
	const statuses: Record<number, number> = {};
	const cpu0 = { app: cpuSeconds(appPid), postgres: postgresCpuSeconds(), client: process.cpuUsage() };
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: HTTP_CLIENTS }, async (_, client) => {
			while (next < total) {
				const slot = slots[next++]!;
				const status = await post(
					agent,
					port,
					'/api/v1/reservations',
					{ cookie, 'idempotency-key': `bench-${client}-${next}-${Date.now()}` },
					JSON.stringify({ roomId: slot.roomId, start: slot.start.toISOString(), end: slot.end.toISOString(), purpose: 'bench http', attendees: 2 })
				);
				statuses[status] = (statuses[status] ?? 0) + 1;
			}
		})
	);
	const seconds = (performance.now() - t0) / 1000;
	agent.destroy();
	const client = process.cpuUsage(cpu0.client);
	const perRequest = (s: number) => ((s * 1000) / total).toFixed(2);
	const cpu = {
		app: perRequest(cpuSeconds(appPid) - cpu0.app),
		postgres: perRequest(postgresCpuSeconds() - cpu0.postgres),
		client: perRequest((client.user + client.system) / 1e6)
	};
	return { total, seconds, perSecond: (statuses[201] ?? 0) / seconds, statuses, cpu };
}

async function overlaps(db: OpenDatabase['db']): Promise<number> {
	const result = await db.execute(sql`
		select count(*)::int as n from reservation a join reservation b
		  on a.resource_id = b.resource_id and a.id < b.id and a.held && b.held
		 where a.status in ('requested', 'confirmed') and b.status in ('requested', 'confirmed')`);
	const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
	return Number(rows[0]!.n);
}

async function run(name: 'pglite' | 'postgres', port: number) {
	console.log(`\n${name}`);
	let dataDir: string | undefined;
	let url: string | undefined;
	let dropDatabase = async () => {};
	if (name === 'pglite') {
		dataDir = mkdtempSync(path.join(tmpdir(), 'center-bench-'));
	} else {
		const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL!;
		const admin = postgres(base, { max: 1, onnotice: () => {} });
		await admin.unsafe('drop database if exists center_bench with (force)');
		await admin.unsafe('create database center_bench');
		const u = new URL(base);
		u.pathname = '/center_bench';
		url = u.toString();
		dropDatabase = async () => {
			await admin.unsafe('drop database if exists center_bench with (force)');
			await admin.end();
		};
	}
	let opened = await openDatabase({ url, dataDir });
	const { days, roomIds } = await prepare(opened);
	const board = await boardFigures(days);
	console.log(`  day board  (${roomIds.length} rooms, 1 day):  p50 ${ms(percentile(board.day, 50))}  p95 ${ms(percentile(board.day, 95))}`);
	console.log(`  week board (${roomIds.length} rooms, 7 days): p50 ${ms(percentile(board.week, 50))}  p95 ${ms(percentile(board.week, 95))}`);
	await opened.close();

	const app = await startApp(url ? { DATABASE_URL: url } : { DATA_DIR: dataDir! }, port);
	try {
		const http = await httpFigures(port, roomIds, days, app.pid!);
		console.log(`  HTTP: ${http.total} POST /api/v1/reservations by ${HTTP_CLIENTS} clients${QUOTA ? ' (a school, rooms with a quota)' : ''} in ${http.seconds.toFixed(1)} s → ${http.perSecond.toFixed(0)} created/s  (statuses ${JSON.stringify(http.statuses)})`);
		for (const refusal of refusals.splice(0)) console.log(`    refused: ${refusal}`);
		const server = url ? `, PostgreSQL server ${http.cpu.postgres} ms` : ' (the database runs inside it)';
		console.log(`  CPU per request: app ${http.cpu.app} ms${server}, bench client ${http.cpu.client} ms`);
	} finally {
		app.kill();
		await new Promise((r) => app.once('exit', r));
	}
	opened = await openDatabase({ url, dataDir });
	console.log(`  overlapping holding reservations afterwards: ${await overlaps(opened.db)}`);
	await opened.close();
	await dropDatabase();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

const only = process.env.BENCH_ONLY; // 'pglite' or 'postgres' to run one
if (only !== 'postgres') await run('pglite', 4180);
if (only !== 'pglite' && (process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL)) await run('postgres', 4181);
else console.log('\n(set TEST_DATABASE_URL or BENCH_DATABASE_URL to run on PostgreSQL too)');
