/**
 * What the benches share: the 30 rooms and 50,000 reservations they measure against, the built
 * app started as a child process, and CPU time read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { useDatabase, type OpenDatabase } from '../../src/lib/server/db';
import { appUser, reservation, resource, room, roomRule } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { addDays, seoulDate, seoulInstant, weekdayOf } from '../../src/lib/time/seoul';

export const ROOMS = 30;
export const RESERVATIONS = 50_000;
const SLOT_MINUTES = 60;
// BENCH_QUOTA=1: the rooms get a (large) monthly quota and a school books them, so every booking
// takes the counted-limit path (lock, count again, insert in one transaction).
export const QUOTA = process.env.BENCH_QUOTA === '1';
// Seeded bookings fill 09:00–16:00; HTTP bookings use the free 16:00–18:00.
const SEEDED_HOURS = [9, 10, 11, 12, 13, 14, 15];

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
export const ms = (n: number) => `${n.toFixed(2)} ms`;

export function weekdaysFrom(first: string, count: number): string[] {
	const days: string[] = [];
	for (let d = first; days.length < count; d = addDays(d, 1)) if (weekdayOf(d) >= 1 && weekdayOf(d) <= 5) days.push(d);
	return days;
}

/** The demo center plus bench rooms up to ROOMS, and RESERVATIONS confirmed bookings on the weekdays from tomorrow. */
export async function prepare(opened: OpenDatabase) {
	useDatabase(opened);
	const { db } = opened;
	await seedDemo(db);
	const existing = await db.select({ id: room.resourceId }).from(room);
	for (let i = existing.length; i < ROOMS; i++) {
		const [res] = await db.insert(resource).values({ kind: 'room' }).returning();
		await db.insert(room).values({
			resourceId: res!.id,
			code: `bench-${i}`,
			nameKo: `벤치 회의실 ${i}`,
			nameEn: `Bench Room ${i}`,
			floor: 5,
			capacity: 10 + (i % 5) * 10,
			sortOrder: 100 + i
		});
		await db.insert(roomRule).values({ resourceId: res!.id });
	}
	// Open every room to everyone, no approval, no quota (BENCH_QUOTA: one no school reaches): the bench measures the engine, not the rules.
	await db.update(roomRule).set({ requiresApproval: false, allowedRoles: [], monthlyQuotaMinutes: QUOTA ? 1_000_000 : null, minMinutes: 30, granularityMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, leadTimeMinutes: 0 });
	const roomIds = (await db.select({ id: room.resourceId }).from(room)).map((r) => r.id);
	const [booker] = await db.select().from(appUser).where(sql`${appUser.email} = 'facility@center.test'`);

	const today = seoulDate(new Date());
	const days = weekdaysFrom(addDays(today, 1), Math.ceil(RESERVATIONS / (roomIds.length * SEEDED_HOURS.length)));
	const rows: (typeof reservation.$inferInsert)[] = [];
	outer: for (const day of days)
		for (const hour of SEEDED_HOURS)
			for (const roomId of roomIds) {
				const start = seoulInstant(day, hour * 60);
				const end = seoulInstant(day, hour * 60 + SLOT_MINUTES);
				rows.push({ resourceId: roomId, startsAt: start, endsAt: end, heldFrom: start, heldUntil: end, status: 'confirmed', bookedBy: booker!.id, purpose: 'bench', attendees: 2 });
				if (rows.length >= RESERVATIONS) break outer;
			}
	const t0 = performance.now();
	for (let i = 0; i < rows.length; i += 1000) await db.insert(reservation).values(rows.slice(i, i + 1000));
	await db.execute(sql`analyze reservation`);
	console.log(`  seeded ${rows.length} reservations in ${roomIds.length} rooms over ${days.length} weekdays (${days[0]} … ${days.at(-1)}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
	return { days, roomIds };
}

export async function startApp(env: Record<string, string>, port: number): Promise<ChildProcess> {
	// BENCH_APP_NODE_ARGS passes node flags to the app, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
	const nodeArgs = process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
	const child = spawn(process.execPath, [...nodeArgs, 'build'], { env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', SEED_DEMO: '0' }, stdio: ['ignore', 'ignore', 'inherit'] });
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`http://localhost:${port}/healthz`)).ok) return child;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill();
	throw new Error('the app did not start');
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 elsewhere. */
export function cpuSeconds(pid: number): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return 0;
	}
}

/** CPU seconds used so far by the local PostgreSQL server's processes (0 when it is not local). */
export function postgresCpuSeconds(): number {
	let total = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim().startsWith('postgres')) total += cpuSeconds(Number(entry));
		} catch {
			/* gone */
		}
	}
	return total;
}

