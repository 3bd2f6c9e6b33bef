/**
 * Pages benchmark: how many requests per second the built app serves for the pages people open
 * most, beside the JSON the same data costs, on PostgreSQL with the bench's 30 rooms and 50,000
 * bookings (tests/bench/common.ts). One app process; prints figures, asserts nothing.
 *
 *   npm run build && TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:pages
 *
 * For each URL, at 10 and at 50 concurrent keep-alive connections, after a warm-up: requests/s,
 * p50 and p99 latency, and the app's CPU per request (from /proc). Then each page's cost beside
 * /api/v1/availability for the same day (the target: a page at most 3× its JSON).
 * BENCH_SECONDS (default 8) sets each run's length; BENCH_TARGETS=board keeps only the URLs with that
 * word (beside the JSON); BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the app; BENCH_GZIP=1 asks for gzip as a browser
 * does (the default is like wrk and ab: no compression). BENCH_ONLY=pglite runs on PGlite instead.
 * Written here rather than with autocannon: the same light node:http client the rooms bench
 * uses, so the client takes little of the two cores the app and PostgreSQL share.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../../src/lib/server/db';
import { cpuSeconds, percentile, postgresCpuSeconds, prepare, startApp } from './common';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = 2;
const CONNECTIONS = [10, 50];
const GZIP = process.env.BENCH_GZIP === '1';

interface Figures {
	requests: number;
	perSecond: number;
	p50: number;
	p99: number;
	appCpuMs: number;
	dbCpuMs: number;
	bytes: number;
	statuses: Record<number, number>;
}

function get(agent: http.Agent, port: number, url: string): Promise<{ status: number; bytes: number }> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			{ agent, host: '127.0.0.1', port, path: url, method: 'GET', headers: { accept: url.startsWith('/api/') ? 'application/json' : 'text/html', 'accept-language': 'ko', ...(GZIP ? { 'accept-encoding': 'gzip' } : {}) } },
			(response) => {
				let bytes = 0;
				response.on('data', (chunk: Buffer) => (bytes += chunk.length));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
				response.on('error', reject);
			}
		);
		request.on('error', reject);
		request.end();
	});
}

async function load(port: number, url: string, connections: number, seconds: number, appPid: number, measure: boolean): Promise<Figures> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
	const latencies: number[] = [];
	const statuses: Record<number, number> = {};
	let bytes = 0;
	const cpu0 = { app: cpuSeconds(appPid), db: measure ? postgresCpuSeconds() : 0 };
	const t0 = performance.now();
	const until = t0 + seconds * 1000;
	await Promise.all(
		Array.from({ length: connections }, async () => {
			while (performance.now() < until) {
				const t = performance.now();
				const answer = await get(agent, port, url);
				latencies.push(performance.now() - t);
				statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
				bytes = answer.bytes;
			}
		})
	);
	const elapsed = (performance.now() - t0) / 1000;
	agent.destroy();
	latencies.sort((a, b) => a - b);
	const perRequest = (s: number) => (s * 1000) / latencies.length;
	return {
		requests: latencies.length,
		perSecond: latencies.length / elapsed,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		appCpuMs: perRequest(cpuSeconds(appPid) - cpu0.app),
		dbCpuMs: measure ? perRequest(postgresCpuSeconds() - cpu0.db) : 0,
		bytes,
		statuses
	};
}

async function run(name: 'pglite' | 'postgres', port: number) {
	console.log(`\n${name}: one app process, ${SECONDS} s per run${GZIP ? ', gzip' : ', no compression'}`);
	let dataDir: string | undefined;
	let url: string | undefined;
	let dropDatabase = async () => {};
	if (name === 'pglite') {
		dataDir = mkdtempSync(path.join(tmpdir(), 'center-bench-pages-'));
	} else {
		const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL!;
		const admin = postgres(base, { max: 1, onnotice: () => {} });
		await admin.unsafe('drop database if exists center_bench_pages with (force)');
		await admin.unsafe('create database center_bench_pages');
		const u = new URL(base);
		u.pathname = '/center_bench_pages';
		url = u.toString();
		dropDatabase = async () => {
			await admin.unsafe('drop database if exists center_bench_pages with (force)');
			await admin.end();
		};
	}
	const opened = await openDatabase({ url, dataDir });
	const { days, roomIds } = await prepare(opened);
	await opened.close();

	const day = days[2]!;
	const targets = [
		{ label: 'GET /api/v1/availability (day, JSON)', url: `/api/v1/availability?date=${day}` },
		{ label: 'GET /board (day)', url: `/board?date=${day}`, },
		{ label: 'GET /board (week)', url: `/board?view=week&date=${day}` },
		{ label: 'GET /rooms', url: '/rooms' },
		{ label: 'GET /rooms/{id} (room page)', url: `/rooms/${roomIds[0]}?date=${day}` },
		// The floor every page pays (hooks, session, layout, navigation), with no data of its own.
		{ label: 'GET /copyright (a page with no data)', url: '/copyright' }
	];
	// BENCH_TARGETS=board,availability: only the URLs containing one of those words (the JSON is always kept).
	const only = process.env.BENCH_TARGETS?.split(',').filter(Boolean);
	if (only) targets.splice(1, targets.length, ...targets.slice(1).filter((t) => only.some((word) => t.url.includes(word))));
	const app = await startApp(url ? { DATABASE_URL: url } : { DATA_DIR: dataDir! }, port);
	const results = new Map<string, Figures>();
	try {
		for (const target of targets) {
			await load(port, target.url, 10, WARMUP_SECONDS, app.pid!, false);
			for (const connections of CONNECTIONS) {
				const f = await load(port, target.url, connections, SECONDS, app.pid!, !!url);
				results.set(`${target.url}@${connections}`, f);
				const db = url ? `, PostgreSQL ${f.dbCpuMs.toFixed(2)} ms` : '';
				console.log(
					`  ${target.label.padEnd(38)} ${String(connections).padStart(2)} conn: ${f.perSecond.toFixed(0).padStart(5)} req/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(6)} ms  CPU/req app ${f.appCpuMs.toFixed(2)} ms${db}  ${(f.bytes / 1024).toFixed(1)} KB  ${JSON.stringify(f.statuses)}`
				);
			}
		}
	} finally {
		app.kill();
		await new Promise((r) => app.once('exit', r));
	}
	const json = results.get(`${targets[0]!.url}@10`)!;
	console.log('  cost beside the JSON of the same day (app CPU per request, 10 connections):');
	for (const target of targets.slice(1)) {
		const f = results.get(`${target.url}@10`)!;
		console.log(`    ${target.label.padEnd(36)} ${(f.appCpuMs / json.appCpuMs).toFixed(2)}×  (req/s ${(json.perSecond / f.perSecond).toFixed(2)}× fewer)`);
	}
	await dropDatabase();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

if (process.env.BENCH_ONLY === 'pglite') await run('pglite', 4182);
else if (process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL) await run('postgres', 4183);
else console.log('set TEST_DATABASE_URL or BENCH_DATABASE_URL (the bench runs on PostgreSQL), or BENCH_ONLY=pglite');
