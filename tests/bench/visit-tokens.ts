/**
 * Visit link timing: does a token reveal how close it is to a right one? 1,000 visit requests,
 * then the delegation's view (visits.byToken, as the page and the API call it) looked up
 * alternately with a right token, a near miss (one character changed) and a random one; prints
 * p50/p95/mean of each. A lookup is one SELECT by the token's SHA-256 on a unique index, so a near
 * miss and a random token cost the same (no partial match to measure); a right one costs the
 * reading of the request's timeline on top, which only the holder of the link ever sees. On
 * PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL. Asserts nothing.
 *
 *   npm run bench:visit-tokens
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import postgres from 'postgres';
import * as clock from '../../src/lib/server/clock';
import { openDatabase, useDatabase } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/db/seed';
import { NotFoundError } from '../../src/lib/server/errors';
import * as visits from '../../src/lib/server/visits/requests';
import { ms, percentile } from './common';

const REQUESTS = 1_000;
const ROUNDS = 1_500;

const randomToken = () => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32)));

/** The lookup as the page and the API make it (byToken); a wrong token's NotFoundError is its answer. */
async function lookup(token: string): Promise<number> {
	const started = performance.now();
	try {
		await visits.byToken(token);
	} catch (error) {
		if (!(error instanceof NotFoundError)) throw error;
	}
	return performance.now() - started;
}

function summary(name: string, samples: number[]) {
	const sorted = [...samples].sort((a, b) => a - b);
	const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
	console.log(`  ${name.padEnd(22)} p50 ${ms(percentile(sorted, 50)).padStart(9)}  p95 ${ms(percentile(sorted, 95)).padStart(9)}  mean ${ms(mean).padStart(9)}`);
	return percentile(sorted, 50);
}

async function run(name: 'pglite' | 'postgres') {
	console.log(`\n${name}`);
	let dataDir: string | undefined;
	let url: string | undefined;
	let dropDatabase = async () => {};
	if (name === 'pglite') dataDir = mkdtempSync(path.join(tmpdir(), 'center-bench-tokens-'));
	else {
		const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL!;
		const admin = postgres(base, { max: 1, onnotice: () => {} });
		await admin.unsafe('drop database if exists center_bench_tokens with (force)');
		await admin.unsafe('create database center_bench_tokens');
		const u = new URL(base);
		u.pathname = '/center_bench_tokens';
		url = u.toString();
		dropDatabase = async () => {
			await admin.unsafe('drop database if exists center_bench_tokens with (force)');
			await admin.end();
		};
	}
	const opened = await openDatabase({ url, dataDir });
	try {
		useDatabase(opened);
		await seedDemo(opened.db);
		clock.freeze(new Date('2027-02-22T01:00:00Z'));
		const tokens: string[] = [];
		for (let i = 0; i < REQUESTS; i++) {
			const done = await visits.submit(
				{
					organization: `벤치 교육청 ${i}`,
					organizationKind: 'office',
					region: 'jeonnam',
					contactName: '벤치',
					email: `bench-${i}@example.org`,
					phone: '061-000-0000',
					groupSize: 10,
					preferredDates: [{ date: '2027-03-10', period: 'am' }],
					departments: [],
					topicIds: [],
					purpose: '벤치',
					accessibilityNeeds: '',
					consent: true
				},
				{ locale: 'ko', clientAddress: `bench-${i}` }
			);
			tokens.push(done.token);
		}
		const right: number[] = [];
		const near: number[] = [];
		const random: number[] = [];
		for (let i = 0; i < 200; i++) await lookup(tokens[i % REQUESTS]!); // warm-up
		for (let i = 0; i < ROUNDS; i++) {
			const token = tokens[(i * 7919) % REQUESTS]!;
			const miss = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
			// Interleaved, so drift of the machine affects all three alike.
			right.push(await lookup(token));
			near.push(await lookup(miss));
			random.push(await lookup(randomToken()));
		}
		const a = summary('right token', right);
		const b = summary('near miss (1 char)', near);
		const c = summary('random token', random);
		console.log(`  p50 difference: near miss ${ms(b - a)}, random ${ms(c - a)} (${ROUNDS} rounds)`);
	} finally {
		clock.reset();
		await opened.close();
		await dropDatabase();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	}
}

const only = process.env.BENCH_ONLY;
if (only !== 'postgres') await run('pglite');
if (only !== 'pglite' && (process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL)) await run('postgres');
else console.log('\n(set TEST_DATABASE_URL or BENCH_DATABASE_URL to run on PostgreSQL too)');
