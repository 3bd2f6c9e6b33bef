import { and, eq } from 'drizzle-orm';
import { addDays, seoulDate, seoulInstant, weekdayOf } from '../../time/seoul';
import { SESSION_USER_COLUMNS, type SessionUser } from '../auth/sessions';
import { DomainError } from '../errors';
import * as consultations from '../consultations/bookings';
import { searchSlots } from '../consultations/search';
import { loadTopic } from '../consultations/store';
import * as reservations from '../rooms/bookings';
import { db } from '.';
import { seedDemoVisits } from './demo-visits';
import { appUser, consultation, consultationTopic, department, room } from './schema';

/** How far ahead the demo's bookings reach: the board's "realistic fortnight". */
export const DEMO_BOOKING_DAYS = 14;

interface DemoBooking {
	/** Which weekdays (1 Monday … 5 Friday) it happens on. */
	weekdays: number[];
	who: string;
	room: string;
	from: string;
	to: string;
	purpose: string;
	attendees: number;
}

/**
 * A fortnight as the center lives it: department meetings, school councils, trainings waiting for
 * approval, mediation sessions. Each is booked through the booking service, as its booker would,
 * so every rule holds (lead time, approval, quotas); one the rules refuse is simply not there.
 */
const WEEK: DemoBooking[] = [
	{ weekdays: [1], who: 'edu@center.test', room: 'large-meeting', from: '10:00', to: '12:00', purpose: '교육지원부 주간 협의회', attendees: 14 },
	{ weekdays: [2, 4], who: 'edu@center.test', room: 'meeting-a', from: '14:00', to: '16:00', purpose: '학생맞춤통합지원 사례 협의', attendees: 8 },
	{ weekdays: [1, 3], who: 'admin-support@center.test', room: 'video-conference', from: '09:30', to: '10:30', purpose: '시·도교육청 화상 회의', attendees: 6 },
	{ weekdays: [3], who: 'admin-support@center.test', room: 'meeting-b', from: '13:00', to: '15:00', purpose: '회계·계약 실무 협의', attendees: 7 },
	{ weekdays: [2, 5], who: 'mediation@center.test', room: 'mediation', from: '10:00', to: '12:00', purpose: '관계회복 조정 회의', attendees: 5 },
	{ weekdays: [1, 2, 3, 4, 5], who: 'facility-support@center.test', room: 'consult-1', from: '14:00', to: '15:00', purpose: '시설 보수 상담', attendees: 3 },
	{ weekdays: [2, 4], who: 'edu@center.test', room: 'consult-2', from: '10:00', to: '11:30', purpose: '교육과정 컨설팅', attendees: 3 },
	{ weekdays: [3], who: 'visits@center.test', room: 'large-meeting', from: '14:00', to: '16:00', purpose: '타 시·도 벤치마킹 방문 설명회', attendees: 25 },
	{ weekdays: [2], who: 'school@center.test', room: 'meeting-b', from: '15:00', to: '17:00', purpose: '학년 협의회', attendees: 10 },
	{ weekdays: [4], who: 'school@center.test', room: 'small-meeting-1', from: '16:00', to: '17:00', purpose: '학부모 상담 준비 회의', attendees: 4 },
	// These rooms need approval: the school's requests wait for facility staff.
	{ weekdays: [5], who: 'school@center.test', room: 'seminar-hall', from: '14:00', to: '17:00', purpose: '교직원 연수', attendees: 80 },
	{ weekdays: [1], who: 'school@center.test', room: 'pc-lab', from: '14:00', to: '16:00', purpose: '에듀테크 활용 연수', attendees: 24 },
	{ weekdays: [4], who: 'facility@center.test', room: 'seminar-hall', from: '10:00', to: '12:00', purpose: '안전교육 설명회', attendees: 60 }
];

async function actorOf(email: string): Promise<SessionUser | null> {
	const [row] = await db
		.select(SESSION_USER_COLUMNS)
		.from(appUser)
		.leftJoin(department, eq(department.id, appUser.departmentId))
		.where(eq(appUser.email, email));
	return row ?? null;
}

/** Book the demo fortnight from `now` on (the demo accounts and rooms must exist). */
export async function seedDemoBookings(now: Date): Promise<{ made: number; refused: number; consultations: number; visits: number }> {
	const rooms = Object.fromEntries((await db.select({ code: room.code, id: room.resourceId }).from(room)).map((r) => [r.code, r.id]));
	const actors = new Map<string, SessionUser | null>();
	let made = 0;
	let refused = 0;
	const today = seoulDate(now);
	for (let offset = 0; offset < DEMO_BOOKING_DAYS; offset++) {
		const date = addDays(today, offset);
		const weekday = weekdayOf(date);
		for (const b of WEEK.filter((x) => x.weekdays.includes(weekday))) {
			if (!actors.has(b.who)) actors.set(b.who, await actorOf(b.who));
			const who = actors.get(b.who);
			const roomId = rooms[b.room];
			if (!who || !roomId) continue;
			const [fh, fm] = b.from.split(':').map(Number);
			const [th, tm] = b.to.split(':').map(Number);
			try {
				await reservations.create(who, {
					roomId,
					start: seoulInstant(date, fh! * 60 + fm!),
					end: seoulInstant(date, th! * 60 + tm!),
					purpose: b.purpose,
					attendees: b.attendees
				});
				made++;
			} catch (error) {
				// Too soon, a holiday, over a quota: the rules said no, as they would to a person.
				if (!(error instanceof DomainError)) throw error;
				refused++;
			}
		}
	}
	let booked = 0;
	for (const c of CONSULTATIONS) {
		const who = actors.get(c.who) ?? (await actorOf(c.who));
		if (who && (await consultationOf(who, c, now))) booked++;
	}
	return { made, refused, consultations: booked, visits: await seedDemoVisits(now) };
}

interface DemoConsultation {
	who: string;
	topic: string;
	mode: 'visit' | 'video' | 'phone';
	/** The first free slot this many days ahead or later. */
	afterDays: number;
	description: string;
}

/** The demo school's consultations: one by video, one in person, so its history and two queues show some. */
const CONSULTATIONS: DemoConsultation[] = [
	{ who: 'school@center.test', topic: '시설 보수 상담', mode: 'video', afterDays: 2, description: '본관 2층 화장실 천장 누수 보수 방법과 예산 확보를 상담하고 싶습니다.' },
	{ who: 'school@center.test', topic: '교육과정 컨설팅', mode: 'visit', afterDays: 5, description: '2027학년도 학교 교육과정 편성 초안을 함께 검토하고 싶습니다.' }
];

/** Book the first free slot of the topic, as the school would on /consultations (once: none when the school has one of the topic). */
async function consultationOf(who: SessionUser, c: DemoConsultation, now: Date): Promise<boolean> {
	const [row] = await db.select({ id: consultationTopic.id }).from(consultationTopic).where(eq(consultationTopic.nameKo, c.topic));
	const found = row ? await loadTopic(row.id) : null;
	if (!found || !who.schoolId) return false;
	const [already] = await db
		.select({ id: consultation.id })
		.from(consultation)
		.where(and(eq(consultation.topicId, found.topic.id), eq(consultation.schoolId, who.schoolId)))
		.limit(1);
	if (already) return false;
	const from = addDays(seoulDate(now), c.afterDays);
	const { slots } = await searchSlots(found, { from, to: addDays(from, DEMO_BOOKING_DAYS), mode: c.mode }, now);
	const slot = slots[0];
	if (!slot) return false;
	const result = await consultations.book(who, { topicId: found.topic.id, start: new Date(slot.start), mode: c.mode, description: c.description });
	return result.outcome === 'created';
}
