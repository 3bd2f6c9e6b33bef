/**
 * Consultation slots benchmark: 20 consultants in one department with weekly templates and 10,000
 * existing holds (their consultations and the consultation rooms' bookings); a slot search for the
 * department over 4 weeks, by phone (the consultants only) and in person (a consultation room free
 * too). On PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL. Prints p50/p95;
 * asserts nothing.
 *
 *   npm run bench:slots
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { searchSlots } from '../../src/lib/server/consultations/search';
import { departmentRooms, loadTopic } from '../../src/lib/server/consultations/store';
import { openDatabase, useDatabase, type OpenDatabase } from '../../src/lib/server/db';
import { appUser, consultant, consultantHours, consultationTopic, department, reservation, resource } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { addDays, seoulDate, seoulInstant } from '../../src/lib/time/seoul';
import { ms, percentile, weekdaysFrom } from './common';

const CONSULTANTS = 20;
const HOLDS = 10_000;
const SAMPLES = 200;
const SEARCH_DAYS = 28;
// Each consultant works 09:00–12:00 and 13:00–17:00 on weekdays; the seeded holds take 30 minutes at these hours.
const HOLD_HOURS = [9, 10, 11, 13, 14, 15];

async function prepare(opened: OpenDatabase) {
	useDatabase(opened);
	const { db } = opened;
	await seedDemo(db);
	const [education] = await db.select().from(department).where(eq(department.code, 'education'));
	const existing = await db.select({ id: consultant.resourceId }).from(consultant).where(eq(consultant.departmentId, education!.id));
	for (let i = existing.length; i < CONSULTANTS; i++) {
		const [user] = await db
			.insert(appUser)
			.values({ email: `bench-consultant-${i}@center.test`, name: `벤치 상담자 ${i}`, role: 'department_staff', departmentId: education!.id })
			.returning();
		const [res] = await db.insert(resource).values({ kind: 'consultant' }).returning();
		await db.insert(consultant).values({ resourceId: res!.id, userId: user!.id, departmentId: education!.id, titleKo: '벤치', titleEn: 'Bench' });
	}
	const consultants = (await db.select({ id: consultant.resourceId }).from(consultant).where(eq(consultant.departmentId, education!.id))).map((c) => c.id);
	await db.delete(consultantHours).where(sql`${consultantHours.consultantId} in (select resource_id from consultant where department_id = ${education!.id}::uuid)`);
	await db.insert(consultantHours).values(
		consultants.flatMap((consultantId) =>
			[1, 2, 3, 4, 5].flatMap((weekday) => [
				{ consultantId, weekday, startMinute: 9 * 60, endMinute: 12 * 60 },
				{ consultantId, weekday, startMinute: 13 * 60, endMinute: 17 * 60 }
			])
		)
	);
	const rooms = (await departmentRooms(education!.id)).map((r) => r.id);
	const [booker] = await db.select().from(appUser).where(eq(appUser.email, 'edu@center.test'));
	const today = seoulDate(new Date());
	const perDay = (consultants.length + rooms.length) * HOLD_HOURS.length;
	const days = weekdaysFrom(addDays(today, 1), Math.ceil(HOLDS / perDay));
	const rows: (typeof reservation.$inferInsert)[] = [];
	outer: for (const day of days)
		for (const [h, hour] of HOLD_HOURS.entries())
			for (const [i, resourceId] of [...consultants, ...rooms].entries()) {
				// Staggered: each resource's hold of the hour starts on the hour or at half past.
				const start = seoulInstant(day, hour * 60 + ((i + h) % 2) * 30);
				const end = new Date(start.getTime() + 30 * 60_000);
				rows.push({ resourceId, startsAt: start, endsAt: end, heldFrom: start, heldUntil: end, status: 'confirmed', bookedBy: booker!.id, purpose: 'bench', attendees: 1 });
				if (rows.length >= HOLDS) break outer;
			}
	for (let i = 0; i < rows.length; i += 1000) await db.insert(reservation).values(rows.slice(i, i + 1000));
	await db.execute(sql`analyze reservation`);
	console.log(`  ${consultants.length} consultants, ${rooms.length} consultation rooms, ${rows.length} holds over ${days.length} weekdays (${days[0]} … ${days.at(-1)})`);
	const [topic] = await db
		.select({ id: consultationTopic.id })
		.from(consultationTopic)
		.where(and(eq(consultationTopic.departmentId, education!.id), eq(consultationTopic.nameKo, '교육과정 컨설팅')));
	return { topicId: topic!.id, from: addDays(today, 1) };
}

async function figures(topicId: string, from: string, mode: 'phone' | 'visit') {
	const found = (await loadTopic(topicId))!;
	const to = addDays(from, SEARCH_DAYS - 1);
	const times: number[] = [];
	let slots = 0;
	for (let i = 0; i < SAMPLES; i++) {
		const t0 = performance.now();
		const result = await searchSlots(found, { from, to, mode }, new Date());
		times.push(performance.now() - t0);
		slots = result.slots.length;
	}
	times.sort((a, b) => a - b);
	console.log(`  ${mode === 'phone' ? 'by phone ' : 'in person'} (${SEARCH_DAYS} days, ${slots} free slots): p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}`);
}

async function run(name: 'pglite' | 'postgres') {
	console.log(`\n${name}`);
	let dataDir: string | undefined;
	let url: string | undefined;
	let dropDatabase = async () => {};
	if (name === 'pglite') dataDir = mkdtempSync(path.join(tmpdir(), 'center-bench-slots-'));
	else {
		const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL!;
		const admin = postgres(base, { max: 1, onnotice: () => {} });
		await admin.unsafe('drop database if exists center_bench_slots with (force)');
		await admin.unsafe('create database center_bench_slots');
		const u = new URL(base);
		u.pathname = '/center_bench_slots';
		url = u.toString();
		dropDatabase = async () => {
			await admin.unsafe('drop database if exists center_bench_slots with (force)');
			await admin.end();
		};
	}
	const opened = await openDatabase({ url, dataDir });
	try {
		const { topicId, from } = await prepare(opened);
		await figures(topicId, from, 'phone');
		await figures(topicId, from, 'visit');
	} finally {
		await opened.close();
		await dropDatabase();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	}
}

const only = process.env.BENCH_ONLY; // 'pglite' or 'postgres' to run one
if (only !== 'postgres') await run('pglite');
if (only !== 'pglite' && (process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL)) await run('postgres');
else console.log('\n(set TEST_DATABASE_URL or BENCH_DATABASE_URL to run on PostgreSQL too)');
