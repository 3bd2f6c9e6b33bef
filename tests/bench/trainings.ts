/**
 * The opening rush of a training session over HTTP: 750 schools with an account each, 1,500
 * registrations (two per school, one person each, each with its own Idempotency-Key) fired at a
 * 500-seat session at its opening instant (the app's TEST_CLOCK cookie puts every request at
 * that minute), against one app process. Prints the time until all are answered, p50/p95/p99
 * latency, the statuses, the app's CPU per registration and the final counts read back by a
 * query (confirmed must be 500, waiting 1,000 numbered 1..1,000). On PGlite and (with
 * BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL. Asserts nothing.
 *
 *   npm run build && npm run bench:trainings
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import * as sessions from '../../src/lib/server/auth/sessions';
import * as clock from '../../src/lib/server/clock';
import { openDatabase, useDatabase, type OpenDatabase } from '../../src/lib/server/db';
import { rowsOf } from '../../src/lib/server/db/sql';
import { appUser, department, school } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import * as programmes from '../../src/lib/server/trainings/programmes';
import { cpuSeconds, percentile, postgresCpuSeconds, startApp } from './common';

const SCHOOLS = 750;
const PER_SCHOOL = 2;
const CAPACITY = 500;
const OPENS = '2027-06-01T10:00:00+09:00';

async function prepare(opened: OpenDatabase): Promise<{ sessionId: string; tokens: string[] }> {
	useDatabase(opened);
	const { db } = opened;
	await seedDemo(db);
	const schools = await db
		.insert(school)
		.values(Array.from({ length: SCHOOLS }, (_, i) => ({ nameKo: `벤치학교 ${i}`, nameEn: `Bench School ${i}`, level: 'elementary' })))
		.returning({ id: school.id });
	const users = await db
		.insert(appUser)
		.values(schools.map((s, i) => ({ email: `bench-${i}@school.test`, name: `교사 ${i}`, role: 'school_user' as const, schoolId: s.id })))
		.returning({ id: appUser.id });
	// Sessions made directly (a sign-in is an argon2 hash each: not what this bench measures), on the
	// eve of the opening: the requests come at the opening instant (TEST_CLOCK), when they are valid.
	clock.freeze(new Date('2027-05-31T10:00:00+09:00'));
	const tokens: string[] = [];
	for (const u of users) tokens.push((await sessions.create(u.id, 'school_user', db)).token);
	const [staff] = await db
		.select(sessions.SESSION_USER_COLUMNS)
		.from(appUser)
		.leftJoin(department, eq(department.id, appUser.departmentId))
		.where(eq(appUser.email, 'edu@center.test'));
	clock.freeze(new Date('2027-05-20T09:00:00+09:00'));
	const created = await programmes.create(staff!, {
		title: { ko: '학생맞춤통합지원 관리자 연수', en: 'Leaders’ training' },
		description: { ko: '', en: '' },
		department: 'education',
		audience: ['principal', 'vice_principal'],
		sessions: [
			{
				start: new Date('2027-06-24T14:00:00+09:00'),
				end: new Date('2027-06-24T17:00:00+09:00'),
				venue: { name: '충청남도교육연수원 대강당', address: '충청남도 공주시' },
				capacity: CAPACITY,
				region: 'chungnam',
				opensAt: new Date(OPENS),
				closesAt: new Date('2027-06-20T18:00:00+09:00'),
				mode: 'first_come'
			}
		]
	});
	clock.reset();
	return { sessionId: created.sessions[0]!.id, tokens };
}

function post(agent: http.Agent, port: number, url: string, token: string, body: string): Promise<{ status: number; ms: number }> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: 'localhost',
				port,
				path: url,
				method: 'POST',
				agent,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
					origin: `http://localhost:${port}`,
					'idempotency-key': crypto.randomUUID(),
					cookie: `session=${token}; test-clock=${encodeURIComponent(new Date(OPENS).toISOString())}`
				}
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

async function run(name: 'pglite' | 'postgres', port: number) {
	console.log(`\n${name}`);
	let dataDir: string | undefined;
	let url: string | undefined;
	let dropDatabase = async () => {};
	if (name === 'pglite') dataDir = mkdtempSync(path.join(tmpdir(), 'center-bench-trainings-'));
	else {
		const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL!;
		const admin = postgres(base, { max: 1, onnotice: () => {} });
		await admin.unsafe('drop database if exists center_bench_trainings with (force)');
		await admin.unsafe('create database center_bench_trainings');
		const u = new URL(base);
		u.pathname = '/center_bench_trainings';
		url = u.toString();
		dropDatabase = async () => {
			await admin.unsafe('drop database if exists center_bench_trainings with (force)');
			await admin.end();
		};
	}
	let opened = await openDatabase({ url, dataDir });
	const { sessionId, tokens } = await prepare(opened);
	await opened.close();

	const app = await startApp({ ...(url ? { DATABASE_URL: url } : { DATA_DIR: dataDir! }), TEST_CLOCK: '1', ORIGIN: `http://localhost:${port}` }, port);
	const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
	const target = `/api/v1/trainings/sessions/${sessionId}/registrations`;
	try {
		const cpu0 = cpuSeconds(app.pid!);
		const db0 = url ? postgresCpuSeconds() : 0;
		const started = performance.now();
		const answers = await Promise.all(
			tokens.flatMap((token, i) =>
				Array.from({ length: PER_SCHOOL }, (_, k) =>
					post(agent, port, target, token, JSON.stringify({ participants: [{ name: `참가자 ${i}-${k}`, position: '교감', email: `p${i}-${k}@school.kr` }] }))
				)
			)
		);
		const total = performance.now() - started;
		const cpu = cpuSeconds(app.pid!) - cpu0;
		const dbCpu = url ? postgresCpuSeconds() - db0 : 0;
		const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
		const statuses: Record<number, number> = {};
		for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
		console.log(`  ${answers.length} registrations for ${CAPACITY} seats, all answered in ${(total / 1000).toFixed(2)} s  ${JSON.stringify(statuses)}`);
		console.log(`  latency p50 ${percentile(latencies, 50).toFixed(0)} ms  p95 ${percentile(latencies, 95).toFixed(0)} ms  p99 ${percentile(latencies, 99).toFixed(0)} ms`);
		console.log(`  CPU per registration: app ${((cpu * 1000) / answers.length).toFixed(2)} ms${url ? `, PostgreSQL ${((dbCpu * 1000) / answers.length).toFixed(2)} ms` : ''}`);
	} finally {
		agent.destroy();
		app.kill();
		await new Promise((r) => app.once('exit', r));
	}
	opened = await openDatabase({ url, dataDir });
	const [counts] = rowsOf<{ confirmed: number; waiting: number; numbers: number; lowest: number; highest: number }>(
		await opened.db.execute(sql`select count(*) filter (where status = 'confirmed')::int as confirmed, count(*) filter (where status = 'waitlisted')::int as waiting,
			count(distinct waiting_number) filter (where status = 'waitlisted')::int as numbers, min(waiting_number)::int as lowest, max(waiting_number)::int as highest
			from training_registration where session_id = ${sessionId}::uuid`)
	);
	console.log(`  final: ${counts!.confirmed} confirmed, ${counts!.waiting} waiting (${counts!.numbers} distinct numbers ${counts!.lowest}..${counts!.highest})`);
	await opened.close();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	await dropDatabase();
}

const only = process.env.BENCH_ONLY;
if (!only || only === 'pglite') await run('pglite', 4620);
if ((!only || only === 'postgres') && (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL)) await run('postgres', 4621);
else if (!only) console.log('\n(set TEST_DATABASE_URL or BENCH_DATABASE_URL to run on PostgreSQL too)');
process.exit(0);
