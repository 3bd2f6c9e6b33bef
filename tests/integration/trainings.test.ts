/**
 * Trainings on the one engine: a programme published with its sessions (a room session holds the
 * room; a clash or a room too small refuses it all), registration opening at its exact minute,
 * the opening rush (many at once: exactly `capacity` seats, the rest numbered in line without gaps
 * or repeats), cancellations promoting in order, one person one session of a programme, the
 * per-school cap and the cancellation cutoff. On PGlite always and on PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TrainingProgrammeInput } from '../../src/lib/schemas/trainings';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { outbox, reservation, trainingRegistration, trainingSession } from '../../src/lib/server/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/lib/server/errors';
import * as programmes from '../../src/lib/server/trainings/programmes';
import * as registrations from '../../src/lib/server/trainings/registrations';
import { actor, at, roomIdsByCode, schoolUsers, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;
let schools: SessionUser[];
const staff = () => actor('edu@center.test');

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
	schools = await schoolUsers('trainer');
});

beforeEach(() => clock.freeze(at('2027-03-02', '09:00')));

const OPENS = at('2027-03-02', '10:00');
let serial = 0;
/** A programme with one session (overrides for it), opening at 10:00 on 2 March 2027. */
function programme(session: Partial<TrainingProgrammeInput['sessions'][number]> = {}, more: TrainingProgrammeInput['sessions'] = []): TrainingProgrammeInput {
	const day = `2027-04-${String(5 + (serial++ % 20)).padStart(2, '0')}`;
	return {
		title: { ko: '학생맞춤통합지원 관리자 연수', en: 'Tailored student support: leaders’ training' },
		description: { ko: '', en: '' },
		department: 'education',
		audience: ['principal', 'vice_principal'],
		sessions: [
			{
				start: at(day, '14:00'),
				end: at(day, '17:00'),
				venue: { name: '충청남도교육연수원 대강당', address: '충남 공주시 ...' },
				capacity: 50,
				region: 'chungnam',
				opensAt: OPENS,
				closesAt: at('2027-03-31', '18:00'),
				mode: 'first_come',
				...session
			},
			...more
		]
	};
}

const person = (n: number, school = 'x') => ({ name: `참가자 ${n}`, position: '교감', email: `p${n}-${school}@school.kr`, phone: '' });

describe('publishing', () => {
	it('by the owning department’s staff (or an admin) only; a session in a room holds the room for its time', async () => {
		const input = programme({ venue: undefined, roomId: rooms['seminar-hall'], capacity: 120 });
		await expect(programmes.create(await actor('school@center.test'), input)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(programmes.create(await actor('mediation@center.test'), input)).rejects.toBeInstanceOf(ForbiddenError);
		const created = await programmes.create(await staff(), input);
		expect(created.sessions).toHaveLength(1);
		const holds = await db.select().from(reservation).where(eq(reservation.bookingId, created.sessions[0]!.id));
		expect(holds.map((h) => [h.resourceId, h.status])).toEqual([[rooms['seminar-hall'], 'confirmed']]);
		// The hall is taken then: a second programme there is refused whole, nothing stored.
		const again = await programmes.create(await actor('admin@center.test'), { ...input, sessions: [input.sessions[0]!] }).catch((e: unknown) => e);
		expect(again).toBeInstanceOf(ConflictError);
		expect((again as ConflictError).details).toMatchObject({ conflicts: [expect.objectContaining({ resourceId: rooms['seminar-hall'] })] });
	});

	it('refuses a room smaller than the capacity, on that session', async () => {
		const refused = await programmes.create(await staff(), programme({ venue: undefined, roomId: rooms['seminar-hall'], capacity: 1500 })).catch((e: unknown) => e);
		expect((refused as ValidationError).violations).toEqual([{ rule: 'sessions.0.capacity', messageKey: 'training_room_too_small', params: { room: '대강당', seats: 150 } }]);
	});

	it('lists programmes with each session’s capacity, confirmed, waiting and window', async () => {
		const created = await programmes.create(await staff(), programme({ capacity: 1500 }));
		const listed = (await programmes.list()).find((p) => p.id === created.id)!;
		expect(listed.sessions[0]).toMatchObject({ capacity: 1500, confirmed: 0, waiting: 0, opensAt: OPENS.toISOString(), place: { venue: { name: '충청남도교육연수원 대강당' } } });
	});
});

describe('registering', () => {
	it('opens at its exact minute: a minute before is refused with the opening time, at it a seat', async () => {
		const { sessions } = await programmes.create(await staff(), programme());
		clock.freeze(new Date(OPENS.getTime() - 60_000));
		const early = await registrations.register(schools[0]!, sessions[0]!.id, [person(1)]).catch((e: unknown) => e);
		expect((early as ValidationError).violations[0]).toMatchObject({ rule: 'opensAt', messageKey: 'training_not_open_yet' });
		clock.freeze(OPENS);
		expect(await registrations.register(schools[0]!, sessions[0]!.id, [person(1)])).toEqual([{ id: expect.any(String), email: 'p1-x@school.kr', status: 'confirmed' }]);
	});

	it('the opening rush: 150 people at once for 50 seats — exactly 50 confirmed, 100 in line numbered 1..100, every one answered', async () => {
		const { sessions } = await programmes.create(await staff(), programme({ capacity: 50 }));
		const id = sessions[0]!.id;
		clock.freeze(OPENS);
		const answers = await Promise.all(Array.from({ length: 150 }, (_, i) => registrations.register(schools[i % schools.length]!, id, [person(i, 'rush')])));
		const all = answers.flat();
		expect(all.filter((a) => a.status === 'confirmed')).toHaveLength(50);
		const waiting = all.filter((a) => a.status === 'waitlisted');
		expect(waiting.map((w) => w.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
		const rows = await db.select().from(trainingRegistration).where(eq(trainingRegistration.sessionId, id));
		expect(rows.filter((r) => r.status === 'waitlisted').map((r) => r.waitingNumber).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
		expect(await registrations.counts(id)).toEqual({ capacity: 50, confirmed: 50, waiting: 100 });
		const [session] = await db.select().from(trainingSession).where(eq(trainingSession.id, id));
		expect([session!.confirmedCount, session!.waitingSeq]).toEqual([50, 100]);
	});

	it('20 cancellations at once promote exactly 20 people, in their order, each told by e-mail', async () => {
		const { sessions } = await programmes.create(await staff(), programme({ capacity: 20 }));
		const id = sessions[0]!.id;
		clock.freeze(OPENS);
		const seated: { id: string; school: SessionUser }[] = [];
		for (let i = 0; i < 45; i++) {
			const school = schools[i % schools.length]!;
			const [r] = await registrations.register(school, id, [person(i, 'cancel')]);
			if (r!.status === 'confirmed') seated.push({ id: r!.id, school });
		}
		const results = await Promise.all(seated.map((s) => registrations.cancel(s.school, s.id)));
		expect(results.filter((r) => r.promoted)).toHaveLength(20);
		const promoted = await db.select().from(trainingRegistration).where(and(eq(trainingRegistration.sessionId, id), eq(trainingRegistration.status, 'confirmed')));
		expect(promoted.map((p) => p.waitingNumber).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		expect(await registrations.counts(id)).toEqual({ capacity: 20, confirmed: 20, waiting: 5 });
		const mails = await db.select().from(outbox).where(and(eq(outbox.kind, 'training_promoted'), inArray(outbox.toAddress, promoted.map((p) => p.email))));
		expect(mails).toHaveLength(20);
	});

	it('one person, one session of a programme: sent to two at once, they hold exactly one; later, the refusal names the session held', async () => {
		const input = programme({}, [
			{ start: at('2027-04-28', '14:00'), end: at('2027-04-28', '17:00'), venue: { name: '전남교육연수원', address: '전남 ...' }, capacity: 50, region: 'jeonnam', opensAt: OPENS, closesAt: at('2027-04-20', '18:00'), mode: 'first_come' }
		]);
		const { sessions } = await programmes.create(await staff(), input);
		clock.freeze(OPENS);
		const same = { name: '김교장', position: '교장', email: 'Principal.Kim@School.kr', phone: '' };
		const outcomes = await Promise.allSettled(sessions.map((s) => registrations.register(schools[0]!, s.id, [same])));
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
		const refusal = (outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason;
		expect(refusal).toBeInstanceOf(ConflictError);
		expect(refusal.messageKey).toBe('training_person_holds');
		expect(refusal.params.email).toBe('principal.kim@school.kr');
		const held = await db.select().from(trainingRegistration).where(eq(trainingRegistration.email, 'principal.kim@school.kr'));
		expect(held).toHaveLength(1);
	});

	it('holds a school to its cap (what it already holds counts), and a school cancels only before the cutoff', async () => {
		const { sessions } = await programmes.create(await staff(), programme({ perSchoolCap: 2, cancelCutoff: at('2027-04-01', '18:00') }));
		const id = sessions[0]!.id;
		clock.freeze(OPENS);
		const [first] = await registrations.register(schools[1]!, id, [person(1, 'cap')]);
		const over = await registrations.register(schools[1]!, id, [person(2, 'cap'), person(3, 'cap')]).catch((e: unknown) => e);
		expect((over as ValidationError).violations).toEqual([{ rule: 'perSchoolCap', messageKey: 'training_school_cap', params: { cap: 2, held: 1 } }]);
		expect(await registrations.register(schools[1]!, id, [person(2, 'cap')])).toHaveLength(1);
		// Another school's user cannot cancel it; after the cutoff the school cannot, the department can.
		await expect(registrations.cancel(schools[2]!, first!.id)).rejects.toMatchObject({ status: 404 });
		clock.freeze(at('2027-04-01', '18:00'));
		await expect(registrations.cancel(schools[1]!, first!.id)).rejects.toMatchObject({ messageKey: 'training_cutoff_passed' });
		expect((await registrations.cancel(await staff(), first!.id)).promoted).toBeNull();
		await expect(registrations.cancel(await staff(), first!.id)).rejects.toMatchObject({ messageKey: 'training_not_held' });
	});
});

describe('a lottery', () => {
	it('collects its first minutes’ requests, then seats them in the order its published seed gives, anyone can re-run; later requests land as usual', async () => {
		const { sessions } = await programmes.create(await staff(), programme({ capacity: 4, mode: 'lottery', lotteryMinutes: 10 }));
		const id = sessions[0]!.id;
		clock.freeze(new Date(OPENS.getTime() + 60_000));
		const pooled = (await Promise.all(Array.from({ length: 10 }, (_, i) => registrations.register(schools[i % schools.length]!, id, [person(i, 'lottery')])))).flat();
		expect(pooled.every((r) => r.status === 'pending_draw')).toBe(true);
		await expect(registrations.draw(await staff(), id, 'seed')).rejects.toMatchObject({ messageKey: 'training_draw_too_early' });
		await expect(registrations.draw(schools[0]!, id, 'seed')).rejects.toBeInstanceOf(ForbiddenError);
		clock.freeze(new Date(OPENS.getTime() + 10 * 60_000));
		const result = await registrations.draw(await staff(), id, 'published-seed-2027');
		expect([result.confirmed, result.waitlisted]).toEqual([4, 6]);
		const { drawOrder } = await import('../../src/lib/server/trainings/rules');
		expect(result.log.map((l) => l.id)).toEqual(drawOrder('published-seed-2027', pooled.map((p) => p.id)).map((o) => o.id));
		expect(result.log.map((l) => l.waitingNumber)).toEqual([null, null, null, null, 1, 2, 3, 4, 5, 6]);
		const [stored] = await db.select().from(trainingSession).where(eq(trainingSession.id, id));
		expect([stored!.drawSeed, stored!.confirmedCount, stored!.waitingSeq]).toEqual(['published-seed-2027', 4, 6]);
		await expect(registrations.draw(await staff(), id)).rejects.toMatchObject({ messageKey: 'training_already_drawn' });
		expect(await registrations.register(schools[0]!, id, [person(99, 'lottery')])).toEqual([expect.objectContaining({ status: 'waitlisted', position: 7 })]);
	});
});
