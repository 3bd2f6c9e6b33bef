/**
 * Contested slots end in one booking and conflicts, never in a deadlock or another error. PGlite
 * runs one transaction at a time; the PostgreSQL run (20 connections) is the one that proves it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { sqlState } from '../../src/lib/server/db/errors';
import { reservation } from '../../src/lib/server/db/schema';
import { ConflictError } from '../../src/lib/server/errors';
import * as reservations from '../../src/lib/server/rooms/bookings';
import { insertAudited, insertMany, lockResources, type NewHold } from '../../src/lib/server/engine/holds.store';
import { rowsOf } from '../../src/lib/server/db/sql';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
});

beforeEach(() => clock.freeze(at('2026-11-23', '08:00')));

const SLOTS = 20;
const REQUESTS_PER_SLOT = 20;
const DAYS = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
const HOURS = ['09:00', '10:00', '11:00', '13:00', '14:00'];
/** Twenty one-hour slots over four days. */
const slots = Array.from({ length: SLOTS }, (_, i) => {
	const day = DAYS[i % DAYS.length]!;
	const from = HOURS[Math.floor(i / DAYS.length)]!;
	const to = `${String(Number(from.slice(0, 2)) + 1).padStart(2, '0')}:00`;
	return { start: at(day, from), end: at(day, to) };
});

async function holdersOf(code: string, start: Date): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(reservation)
		.where(and(eq(reservation.resourceId, rooms[code]!), eq(reservation.startsAt, start)));
	return row!.n;
}

describe('contested inserts', () => {
	it('never deadlocks: 20 simultaneous inserts of each of 20 slots each insert or meet the exclusion constraint (23P01)', async () => {
		const school = await actor('school@center.test');
		const states: string[] = [];
		for (const slot of slots) {
			const results = await Promise.allSettled(
				Array.from({ length: REQUESTS_PER_SLOT }, () =>
					insertAudited(
						db,
						{
							id: crypto.randomUUID(),
							resourceId: rooms['meeting-b']!,
							startsAt: slot.start,
							endsAt: slot.end,
							heldFrom: slot.start,
							heldUntil: slot.end,
							status: 'confirmed',
							bookedBy: school.id,
							schoolId: null,
							purpose: '경합 시험',
							attendees: 2,
							seriesId: null
						},
						school.id,
						'reservation.create'
					)
				)
			);
			for (const r of results) states.push(r.status === 'fulfilled' ? 'inserted' : (sqlState(r.reason) ?? String(r.reason)));
			expect(await holdersOf('meeting-b', slot.start)).toBe(1);
		}
		expect(states.filter((s) => s === 'inserted')).toHaveLength(SLOTS);
		expect(states.filter((s) => s !== 'inserted' && s !== '23P01')).toEqual([]);
	});

	it('answers every one of 20 simultaneous bookings of each of 20 slots with a booking or a conflict: exactly one booking per slot', async () => {
		const users = await Promise.all(['school@center.test', 'edu@center.test', 'visits@center.test', 'facility@center.test'].map(actor));
		const unexpected: unknown[] = [];
		for (const slot of slots) {
			const results = await Promise.allSettled(
				Array.from({ length: REQUESTS_PER_SLOT }, (_, i) =>
					reservations.create(users[i % users.length]!, {
						roomId: rooms['meeting-a']!,
						start: slot.start,
						end: slot.end,
						purpose: '경합 시험',
						attendees: 2
					})
				)
			);
			expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
			for (const r of results) if (r.status === 'rejected' && !(r.reason instanceof ConflictError)) unexpected.push(r.reason);
			expect(await holdersOf('meeting-a', slot.start)).toBe(1);
		}
		expect(unexpected).toEqual([]);
	});
});

describe('a booking that holds several resources', () => {
	// Two transactions on two separate connections, each holding two resources, asking for them
	// in opposite orders: without the sorted locks the second inserts would wait for each other
	// (a deadlock, 40P01 after deadlock_timeout). PGlite cannot run two transactions at once.
	it.skipIf(process.env.TEST_DRIVER !== 'postgres')('takes the resources\' locks in sorted order, so opposite orders wait instead of deadlocking', async () => {
		const school = await actor('school@center.test');
		const [first, second] = [rooms['consult-1']!, rooms['consult-2']!];
		const slot = { start: at('2026-12-07', '10:00'), end: at('2026-12-07', '11:00') };
		const hold = (resourceId: string): NewHold => ({
			id: crypto.randomUUID(), resourceId, startsAt: slot.start, endsAt: slot.end, heldFrom: slot.start, heldUntil: slot.end,
			status: 'confirmed', bookedBy: school.id, schoolId: null, purpose: '순서 시험', attendees: 1, seriesId: null
		});
		let bPid = 0;
		let bInsertedFirst = false;
		const bWaitingOrInserted = async () => {
			for (;;) {
				if (bInsertedFirst) return;
				if (bPid) {
					const waiting = rowsOf(await db.execute(sql`select 1 from pg_locks where pid = ${bPid}::int and not granted`));
					if (waiting.length) return;
				}
				await new Promise((r) => setTimeout(r, 10));
			}
		};
		let aInsertedFirst!: () => void;
		const aReady = new Promise<void>((r) => (aInsertedFirst = r));
		const a = db.transaction(async (tx) => {
			await lockResources(tx, [first, second]);
			await insertMany(tx, [hold(first)]);
			aInsertedFirst();
			await bWaitingOrInserted();
			return insertMany(tx, [hold(second)]);
		});
		const b = aReady.then(() =>
			db.transaction(async (tx) => {
				bPid = Number(rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`))[0]!.pid);
				await lockResources(tx, [second, first]);
				await insertMany(tx, [hold(second)]).then(() => (bInsertedFirst = true));
				return insertMany(tx, [hold(first)]);
			})
		);
		const [ra, rb] = await Promise.allSettled([a, b]);
		const outcome = (r: PromiseSettledResult<unknown>) => (r.status === 'fulfilled' ? 'ok' : (sqlState(r.reason) ?? String(r.reason)));
		// A holds both; B, after waiting its turn, finds both taken (ON CONFLICT DO NOTHING: nothing inserted).
		expect([outcome(ra), outcome(rb)]).toEqual(['ok', 'ok']);
		expect((ra as PromiseFulfilledResult<unknown[]>).value).toHaveLength(1);
		expect((rb as PromiseFulfilledResult<unknown[]>).value).toHaveLength(0);
	});
});

describe('one lock per resource for every writer', () => {
	it.skipIf(process.env.TEST_DRIVER !== 'postgres')('makes a single booking wait while a series transaction holds the room', async () => {
		const school = await actor('school@center.test');
		const slot = { start: at('2026-12-09', '10:00'), end: at('2026-12-09', '11:00') };
		let single: Promise<unknown> | undefined;
		let singleDone = false;
		let sawWaiting = false;
		await db.transaction(async (tx) => {
			await lockResources(tx, [rooms['small-meeting-1']!]);
			single = insertAudited(
				db,
				{
					id: crypto.randomUUID(), resourceId: rooms['small-meeting-1']!, startsAt: slot.start, endsAt: slot.end, heldFrom: slot.start,
					heldUntil: slot.end, status: 'confirmed', bookedBy: school.id, schoolId: null, purpose: '대기 시험', attendees: 1, seriesId: null
				},
				school.id,
				'reservation.create'
			).finally(() => (singleDone = true));
			while (!singleDone && !sawWaiting) {
				sawWaiting = rowsOf(await db.execute(sql`select 1 from pg_locks where locktype = 'advisory' and not granted`)).length > 0;
				if (!sawWaiting) await new Promise((r) => setTimeout(r, 10));
			}
		});
		await single;
		expect(sawWaiting).toBe(true);
		expect(await holdersOf('small-meeting-1', slot.start)).toBe(1);
	});
});
