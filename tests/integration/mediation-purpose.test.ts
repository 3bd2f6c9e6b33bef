import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import * as approvals from '../../src/lib/server/facility/approvals';
import * as closures from '../../src/lib/server/facility/closures';
import { busyByRoom, seoulDays } from '../../src/lib/server/rooms/availability';
import * as reservations from '../../src/lib/server/rooms/bookings';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

type Who = Awaited<ReturnType<typeof actor>>;

const CASE_PURPOSE = '학교폭력 조정 회의 (2학년 김OO 학생)';
const EDU_PURPOSE = '교육과정 협의회';
const WITHHELD = '화해조정부 사용';

let rooms: Record<string, string>;
let who: Record<'mediation' | 'edu' | 'facility' | 'admin' | 'visits' | 'school', Who>;
let caseBooking: string;
let eduBooking: string;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
	who = {
		mediation: await actor('mediation@center.test'),
		edu: await actor('edu@center.test'),
		facility: await actor('facility@center.test'),
		admin: await actor('admin@center.test'),
		visits: await actor('visits@center.test'),
		school: await actor('school@center.test')
	};
	clock.freeze(at('2026-11-23', '08:00'));
	const book = (by: Who, code: string, from: string, to: string, purpose: string) =>
		reservations.create(by, { roomId: rooms[code]!, start: at('2026-11-26', from), end: at('2026-11-26', to), purpose, attendees: 4 });
	caseBooking = (await book(who.mediation, 'mediation', '10:00', '11:00', CASE_PURPOSE)).id;
	eduBooking = (await book(who.edu, 'meeting-a', '10:00', '11:00', EDU_PURPOSE)).id;
	// A request (needs approval) by mediation staff in the large meeting room.
	await book(who.mediation, 'large-meeting', '14:00', '15:00', CASE_PURPOSE);
});

beforeEach(() => clock.freeze(at('2026-11-23', '08:00')));

async function seenBy(viewer: Who | null, id: string) {
	const { from, to } = seoulDays('2026-11-26');
	const busy = [...(await busyByRoom(from, to, viewer)).values()].flat();
	return busy.find((b) => b.id === id);
}

describe('purposes of bookings by Reconciliation & Mediation staff (board, room page, availability API)', () => {
	it('read "화해조정부 사용" to facility staff, coordinators and administrators, who still see the booking itself', async () => {
		for (const viewer of [who.facility, who.visits, who.admin]) {
			const seen = await seenBy(viewer, caseBooking);
			expect(seen, viewer.email).toMatchObject({ id: caseBooking, status: 'confirmed', purpose: WITHHELD, purposeWithheld: true });
			expect(JSON.stringify(seen)).not.toContain('학교폭력');
		}
	});

	it('read in full to the department’s own staff member who booked', async () => {
		expect(await seenBy(who.mediation, caseBooking)).toMatchObject({ id: caseBooking, purpose: CASE_PURPOSE, mine: true });
	});

	it('stay busy-only for anonymous visitors, school users and other department staff', async () => {
		for (const viewer of [null, who.school, who.edu]) {
			const { from, to } = seoulDays('2026-11-26');
			const mediationRoom = (await busyByRoom(from, to, viewer, [rooms.mediation!])).get(rooms.mediation!) ?? [];
			expect(mediationRoom).toHaveLength(1);
			expect(mediationRoom[0]!.purpose).toBeUndefined();
			expect(mediationRoom[0]!.id).toBeUndefined();
		}
	});

	it('leave other bookings’ purposes as they were for staff who see every booking', async () => {
		for (const viewer of [who.facility, who.visits, who.admin]) expect(await seenBy(viewer, eduBooking)).toMatchObject({ purpose: EDU_PURPOSE });
		expect((await seenBy(who.facility, eduBooking))!.purposeWithheld).toBeUndefined();
	});

	it('read "화해조정부 사용" in the approval queue of facility staff', async () => {
		const pending = await approvals.listPending(who.facility);
		const request = pending.find((p) => p.bookerName.includes('화해조정부'));
		expect(request).toMatchObject({ purpose: WITHHELD, purposeWithheld: true });
		expect(JSON.stringify(pending)).not.toContain('학교폭력');
	});

	it('read "화해조정부 사용" in the list of bookings a closure would hit', async () => {
		const outcome = await closures.create(
			who.facility,
			{ roomId: rooms.mediation!, fromDate: '2026-11-26', fromTime: '09:00', toDate: '2026-11-26', toTime: '18:00', reason: '점검' },
			{ confirm: false, shownIds: [], cancelIds: [] }
		);
		expect(outcome.status).toBe('confirm');
		if (outcome.status !== 'confirm') return;
		expect(outcome.affected).toEqual([expect.objectContaining({ id: caseBooking, purpose: WITHHELD })]);
		expect(JSON.stringify(outcome.affected)).not.toContain('학교폭력');
	});
});
