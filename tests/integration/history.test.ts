/**
 * A school's history: room bookings and consultations of the school, past and upcoming, in one
 * list, paged; never another school's; an in-person consultation is one line (its room hold is not
 * a room booking of its own), also in "my bookings". On PGlite always and on PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import * as clock from '../../src/lib/server/clock';
import * as consultations from '../../src/lib/server/consultations/bookings';
import { ForbiddenError } from '../../src/lib/server/errors';
import { HISTORY_PAGE_SIZE, schoolHistory, type HistoryQuery } from '../../src/lib/server/history';
import * as rooms from '../../src/lib/server/rooms/bookings';
import { listMine } from '../../src/lib/server/rooms/mine';
import { actor, at, consultationIds, roomIdsByCode, schoolUsers, seedDemoCenter } from './fixtures';

let topics: Record<string, string>;
let roomIds: Record<string, string>;
let teacher: SessionUser;
let colleague: SessionUser;
let other: SessionUser;
const ids: Record<string, string> = {};

const NOW = at('2027-01-06', '12:00');

async function roomBooking(who: SessionUser, code: string, date: string, start: string, end: string, purpose: string) {
	const result = await rooms.book(who, { roomId: roomIds[code]!, start: at(date, start), end: at(date, end), purpose, attendees: 3 });
	if (result.outcome !== 'created') throw new Error(`not booked: ${JSON.stringify(result)}`);
	return result.created[0]!.id;
}

async function consultationOf(who: SessionUser, topic: string, date: string, time: string, mode: 'visit' | 'video' | 'phone', description: string) {
	const result = await consultations.book(who, { topicId: topics[topic]!, start: at(date, time), mode, description });
	if (result.outcome !== 'created') throw new Error(`not booked: ${JSON.stringify(result)}`);
	return result.created[0]!.id;
}

const query = (over: Partial<HistoryQuery> = {}): HistoryQuery => ({ period: 'upcoming', kind: 'all', page: 1, now: NOW, ...over });

beforeAll(async () => {
	await seedDemoCenter();
	({ topics } = await consultationIds());
	roomIds = await roomIdsByCode();
	const firsts = await schoolUsers('history');
	const seconds = await schoolUsers('history-colleague');
	teacher = firsts[0]!;
	colleague = seconds[0]!;
	other = firsts[1]!;
	// Booked on Monday 2027-01-04 08:00; the history is read on Wednesday at noon.
	clock.freeze(at('2027-01-04', '08:00'));
	ids.pastRoom = await roomBooking(teacher, 'meeting-b', '2027-01-05', '10:00', '11:00', '학년 협의회');
	ids.pastConsult = await consultationOf(colleague, '시설 보수 상담', '2027-01-05', '14:00', 'video', '화장실 누수 문제');
	ids.roomByColleague = await roomBooking(colleague, 'small-meeting-1', '2027-01-07', '09:00', '10:00', '교과 협의');
	ids.visit = await consultationOf(teacher, '시설 보수 상담', '2027-01-07', '10:00', 'visit', '운동장 배수로 보수 상담');
	ids.cancelled = await roomBooking(teacher, 'meeting-a', '2027-01-08', '13:00', '14:00', '취소할 회의');
	await rooms.cancel(teacher, ids.cancelled, { scope: 'one' });
	ids.otherSchool = await roomBooking(other, 'meeting-b', '2027-01-07', '13:00', '14:00', '다른 학교 회의');
	ids.otherConsult = await consultationOf(other, '시설 보수 상담', '2027-01-07', '15:00', 'phone', '다른 학교 상담');
	clock.freeze(NOW);
});

describe("a school's history", () => {
	it('lists room bookings and consultations of the school together, soonest first, every status', async () => {
		const { items, total } = await schoolHistory(teacher, query());
		expect(items.map((i) => i.id)).toEqual([ids.roomByColleague, ids.visit, ids.cancelled]);
		expect(total).toBe(3);
		const [room, visit, cancelled] = items;
		expect(room).toMatchObject({ kind: 'room', titleKo: '소회의실 1', purpose: '교과 협의', mine: false, reference: null, departmentKo: null });
		expect(visit).toMatchObject({ kind: 'consultation', titleKo: '시설 보수 상담', departmentKo: '시설지원부', mode: 'visit', purpose: null, mine: true });
		expect(visit!.reference).toMatch(/^C-2027-\d{4}$/);
		expect(cancelled!.status).toBe('cancelled');
	});

	it('the past ones newest first, for any user of the school alike', async () => {
		const mine = await schoolHistory(teacher, query({ period: 'past' }));
		const theirs = await schoolHistory(colleague, query({ period: 'past' }));
		expect(mine.items.map((i) => i.id)).toEqual([ids.pastConsult, ids.pastRoom]);
		expect(theirs.items.map((i) => i.id)).toEqual(mine.items.map((i) => i.id));
		expect(theirs.items.map((i) => i.mine)).toEqual([true, false]);
	});

	it('filters by kind', async () => {
		expect((await schoolHistory(teacher, query({ kind: 'room' }))).items.map((i) => i.id)).toEqual([ids.roomByColleague, ids.cancelled]);
		expect((await schoolHistory(teacher, query({ kind: 'consultation' }))).items.map((i) => i.id)).toEqual([ids.visit]);
	});

	it("never shows another school's bookings, nor any consultation's case text", async () => {
		const all = [...(await schoolHistory(teacher, query())).items, ...(await schoolHistory(teacher, query({ period: 'past' }))).items];
		expect(all.map((i) => i.id)).not.toContain(ids.otherSchool);
		expect(all.map((i) => i.id)).not.toContain(ids.otherConsult);
		expect(JSON.stringify(all)).not.toContain('운동장 배수로');
		expect(JSON.stringify(all)).not.toContain('화장실 누수');
		const theirs = await schoolHistory(other, query());
		expect(theirs.items.map((i) => i.id).sort()).toEqual([ids.otherSchool, ids.otherConsult].sort());
	});

	it('is for school users only', async () => {
		for (const email of ['admin@center.test', 'facility@center.test', 'facility-support@center.test'])
			await expect(schoolHistory(await actor(email), query())).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('pages a long history, a page out of range answering the last one', async () => {
		const all = await schoolHistory(teacher, query());
		const first = await schoolHistory(teacher, query({ pageSize: 2 }));
		expect(first).toMatchObject({ page: 1, pageCount: 2, total: 3 });
		expect(first.items.map((i) => i.id)).toEqual(all.items.slice(0, 2).map((i) => i.id));
		const last = await schoolHistory(teacher, query({ pageSize: 2, page: 99 }));
		expect(last.page).toBe(2);
		expect(last.items.map((i) => i.id)).toEqual([all.items[2]!.id]);
		expect((await schoolHistory(teacher, query({ pageSize: 2, page: -3 }))).page).toBe(1);
		expect(HISTORY_PAGE_SIZE).toBeGreaterThan(2);
	});
});

describe('my bookings', () => {
	it("leave an in-person consultation's room hold out: it is the consultation's, not a room booking", async () => {
		const mine = await listMine(teacher, { now: NOW });
		const listed = [...mine.upcoming, ...mine.past].map((b) => b.id);
		expect(listed).toContain(ids.cancelled);
		expect(listed.every((id) => id !== ids.visit)).toBe(true);
		expect([...mine.upcoming, ...mine.past].some((b) => b.purpose.includes('운동장'))).toBe(false);
		expect([...mine.upcoming, ...mine.past, ...(mine.school ?? [])].some((b) => b.roomNameKo.startsWith('상담실'))).toBe(false);
	});
});
