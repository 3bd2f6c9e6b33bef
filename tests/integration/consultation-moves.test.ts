/**
 * The department moves a consultation: to a colleague (reassign) and to another time (reschedule),
 * each in one transaction with the school's mail. Their mail reads the consultant through the
 * move's own transaction: on PGlite (one connection) a read through `db` waited for that
 * transaction forever and hung every request after it.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import * as consultations from '../../src/lib/server/consultations/bookings';
import { db } from '../../src/lib/server/db';
import { appUser, consultant, consultationTopic, outbox, school } from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import { actor, at, seedDemoCenter } from './fixtures';

let topicId: string;
let consultantOf: Record<string, string>;
let teacher: SessionUser;

beforeAll(async () => {
	await seedDemoCenter();
	const [curriculum] = await db.select({ id: consultationTopic.id }).from(consultationTopic).where(eq(consultationTopic.nameKo, '교육과정 컨설팅'));
	topicId = curriculum!.id;
	const rows = await db.select({ id: consultant.resourceId, email: appUser.email }).from(consultant).innerJoin(appUser, eq(appUser.id, consultant.userId));
	consultantOf = Object.fromEntries(rows.map((r) => [r.email, r.id]));
	const [first] = await db.select().from(school).orderBy(school.code).limit(1);
	await db.insert(appUser).values({ email: 'moves-teacher@school.test', name: '교사 이동', role: 'school_user', schoolId: first!.id }).onConflictDoNothing();
	teacher = await actor('moves-teacher@school.test');
});

// Monday 2027-01-04, 08:00 Seoul; Monday the 11th, 10:00: both education consultants work then.
beforeEach(() => clock.freeze(at('2027-01-04', '08:00')));

it('lets the department reassign a consultation to a free colleague and reschedule it, the school mailed each time', { timeout: 20_000 }, async () => {
	const booked = await consultations.book(teacher, {
		topicId,
		start: at('2027-01-11', '10:00'),
		mode: 'video',
		description: '2학기 교육과정 편성',
		consultantId: consultantOf['edu@center.test']
	});
	expect(booked.outcome).toBe('created');
	const id = booked.outcome === 'created' ? booked.created[0]!.id : '';
	const staff = await actor('edu2@center.test');
	const mails = async () => (await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.toAddress, 'moves-teacher@school.test'))).length;
	const before = await mails();

	const reassigned = await consultations.reassign(staff, id, consultantOf['edu2@center.test']!);
	expect(reassigned.consultant.id).toBe(consultantOf['edu2@center.test']);
	// Wednesday 10:00: the colleague's own hours (Mon/Wed/Fri 10–12).
	const rescheduled = await consultations.reschedule(staff, id, at('2027-01-13', '10:00'));
	expect(new Date(rescheduled.start).getTime()).toBe(at('2027-01-13', '10:00').getTime());
	expect(await mails()).toBe(before + 2);
});
