import { count, eq, inArray } from 'drizzle-orm';
import type { Database } from './index';
import {
	appUser,
	consultant,
	consultantHours,
	consultationTopic,
	department,
	departmentRoom,
	resource,
	room,
	type ConsultationMode
} from './schema';

type TopicSeed = {
	nameKo: string;
	nameEn: string;
	descriptionKo: string;
	descriptionEn: string;
	durationMinutes: number;
	bufferMinutes?: number;
	modes: ConsultationMode[];
	leadTimeMinutes?: number;
	cancelCutoffMinutes?: number;
	openLimitPerSchool?: number | null;
	requiresConfirmation?: boolean;
};

const DAY = 24 * 60;

/** What each department offers schools (the seed's; department staff edit their own). */
export const TOPICS: Record<string, TopicSeed[]> = {
	education: [
		{
			nameKo: '학생맞춤통합지원 체계 구축',
			nameEn: 'Building integrated, tailored student support',
			descriptionKo: '학교 안 지원팀 구성, 학생 발굴부터 연계까지의 절차와 사례를 함께 살펴봅니다.',
			descriptionEn: "Setting up the school's support team and the steps from finding a student in need to connecting support.",
			durationMinutes: 60,
			modes: ['visit', 'video'],
			openLimitPerSchool: 3
		},
		{
			nameKo: '교육과정 컨설팅',
			nameEn: 'Curriculum consulting',
			descriptionKo: '학교 교육과정 편성·운영과 평가 계획에 대해 상담합니다.',
			descriptionEn: "Planning and running the school's curriculum and its assessment plan.",
			durationMinutes: 60,
			modes: ['visit', 'video', 'phone'],
			openLimitPerSchool: 3
		},
		{
			nameKo: '기초학력 지원 상담',
			nameEn: 'Support for basic academic skills',
			descriptionKo: '기초학력 진단 결과 활용과 보정 지도 방법을 안내합니다.',
			descriptionEn: 'Using diagnostic results and planning catch-up teaching.',
			durationMinutes: 30,
			modes: ['video', 'phone'],
			openLimitPerSchool: 3
		}
	],
	administration: [
		{
			nameKo: '회계·계약',
			nameEn: 'Accounting and contracts',
			descriptionKo: '학교회계 집행, 계약 방법과 절차, 정산에 대해 상담합니다.',
			descriptionEn: 'School accounts, contracting methods and procedures, settlement.',
			durationMinutes: 30,
			modes: ['visit', 'video', 'phone'],
			openLimitPerSchool: 3
		},
		{
			nameKo: '복무·인사',
			nameEn: 'Service rules and personnel',
			descriptionKo: '교직원 복무, 휴가·출장, 인사 관련 규정을 안내합니다.',
			descriptionEn: 'Staff service rules, leave and business trips, personnel regulations.',
			durationMinutes: 30,
			modes: ['video', 'phone'],
			openLimitPerSchool: 3
		},
		{
			nameKo: '학교 예산 편성',
			nameEn: 'School budget planning',
			descriptionKo: '다음 학년도 학교회계 예산 편성을 함께 점검합니다.',
			descriptionEn: "Reviewing the next school year's budget together.",
			durationMinutes: 60,
			modes: ['visit', 'video'],
			openLimitPerSchool: 2
		}
	],
	mediation: [
		{
			nameKo: '학교폭력 사안 상담',
			nameEn: 'School violence case consultation',
			descriptionKo: '사안 처리 절차와 관계 학생 지원에 대해 상담합니다. 상담 내용은 화해조정부만 열람합니다.',
			descriptionEn: 'Case procedures and support for the students involved. Only the mediation department reads what you write.',
			durationMinutes: 60,
			bufferMinutes: 15,
			modes: ['visit', 'phone'],
			leadTimeMinutes: 2 * 60,
			cancelCutoffMinutes: 2 * 60,
			openLimitPerSchool: 2,
			requiresConfirmation: true
		},
		{
			nameKo: '관계회복 조정',
			nameEn: 'Relationship restoration mediation',
			descriptionKo: '당사자 간 관계 회복을 위한 조정 회의를 준비합니다.',
			descriptionEn: 'Preparing a mediation meeting to restore the relationship between the parties.',
			durationMinutes: 90,
			bufferMinutes: 30,
			modes: ['visit'],
			leadTimeMinutes: 2 * DAY,
			openLimitPerSchool: 2,
			requiresConfirmation: true
		}
	],
	facility: [
		{
			nameKo: '시설 보수 상담',
			nameEn: 'Facility repair consultation',
			descriptionKo: '누수, 균열, 노후 설비 등 학교 시설 보수 방법과 예산 확보를 상담합니다.',
			descriptionEn: 'Leaks, cracks, ageing equipment: how to repair and how to fund it.',
			durationMinutes: 30,
			modes: ['visit', 'video', 'phone'],
			openLimitPerSchool: 3
		},
		{
			nameKo: '안전점검',
			nameEn: 'Safety inspection',
			descriptionKo: '정기·수시 안전점검 준비와 지적 사항 조치 방법을 안내합니다.',
			descriptionEn: 'Preparing regular and ad-hoc safety inspections and acting on their findings.',
			durationMinutes: 60,
			modes: ['visit', 'video', 'phone'],
			openLimitPerSchool: 3
		}
	]
};

/** The rooms where each department holds in-person consultations. */
export const DEPARTMENT_ROOMS: Record<string, string[]> = {
	education: ['consult-1', 'consult-2', 'consult-3', 'consult-4'],
	administration: ['consult-1', 'consult-2', 'consult-3', 'consult-4'],
	facility: ['consult-1', 'consult-2', 'consult-3', 'consult-4'],
	mediation: ['mediation', 'consult-4']
};

/** The center's topics and consultation rooms. Idempotent (only when no topic exists yet). */
export async function seedConsultationTopics(db: Database): Promise<void> {
	const [{ topics }] = (await db.select({ topics: count() }).from(consultationTopic)) as [{ topics: number }];
	if (topics > 0) return;
	const departments = await db.select().from(department);
	const rooms = await db.select({ id: room.resourceId, code: room.code }).from(room);
	await db.transaction(async (tx) => {
		for (const d of departments) {
			const seeds = TOPICS[d.code] ?? [];
			if (seeds.length)
				await tx.insert(consultationTopic).values(seeds.map((t, i) => ({ ...t, departmentId: d.id, sortOrder: i })));
			const roomIds = (DEPARTMENT_ROOMS[d.code] ?? []).map((code) => rooms.find((r) => r.code === code)?.id).filter((id) => id !== undefined);
			if (roomIds.length) await tx.insert(departmentRoom).values(roomIds.map((roomId) => ({ departmentId: d.id, roomId }))).onConflictDoNothing();
		}
	});
}

const hours = (weekdays: number[], from: number, to: number) =>
	weekdays.map((weekday) => ({ weekday, startMinute: from * 60, endMinute: to * 60 }));

/** The demo consultants (two per department) with their weekly templates. */
export const DEMO_CONSULTANTS: Record<string, { titleKo: string; titleEn: string; hours: { weekday: number; startMinute: number; endMinute: number }[] }> = {
	'edu@center.test': { titleKo: '학생맞춤통합지원 담당 장학사', titleEn: 'Supervisor, tailored student support', hours: [...hours([2, 4], 14, 17), ...hours([1], 10, 12)] },
	'edu2@center.test': { titleKo: '교육과정 담당 장학사', titleEn: 'Supervisor, curriculum', hours: [...hours([1, 3, 5], 10, 12), ...hours([3], 14, 17)] },
	'admin-support@center.test': { titleKo: '학교회계 담당 주무관', titleEn: 'Officer, school accounts', hours: hours([1, 2, 3, 4, 5], 14, 17) },
	'admin-support2@center.test': { titleKo: '복무·인사 담당 주무관', titleEn: 'Officer, service rules and personnel', hours: hours([2, 4], 9, 12) },
	'mediation@center.test': { titleKo: '화해조정 전문 상담사', titleEn: 'Mediation counsellor', hours: [...hours([1, 3], 13, 17), ...hours([5], 9, 12)] },
	'mediation2@center.test': { titleKo: '학교폭력 사안 담당 장학사', titleEn: 'Supervisor, school violence cases', hours: hours([2, 4], 10, 16) },
	'facility-support@center.test': { titleKo: '시설 담당 주무관', titleEn: 'Officer, facilities', hours: hours([1, 2, 3, 4, 5], 10, 12) },
	'facility-support2@center.test': { titleKo: '안전 담당 주무관', titleEn: 'Officer, safety', hours: hours([2, 3, 4], 14, 17) }
};

/** Make the demo department staff consultants with their templates. Idempotent. */
export async function seedDemoConsultants(db: Database): Promise<void> {
	const users = await db
		.select({ id: appUser.id, email: appUser.email, departmentId: appUser.departmentId })
		.from(appUser)
		.where(inArray(appUser.email, Object.keys(DEMO_CONSULTANTS)));
	for (const user of users) {
		if (!user.departmentId) continue;
		const [existing] = await db.select({ id: consultant.resourceId }).from(consultant).where(eq(consultant.userId, user.id));
		if (existing) continue;
		const seed = DEMO_CONSULTANTS[user.email]!;
		await db.transaction(async (tx) => {
			const [res] = await tx.insert(resource).values({ kind: 'consultant' }).returning();
			await tx.insert(consultant).values({ resourceId: res!.id, userId: user.id, departmentId: user.departmentId!, titleKo: seed.titleKo, titleEn: seed.titleEn });
			await tx.insert(consultantHours).values(seed.hours.map((h) => ({ ...h, consultantId: res!.id })));
		});
	}
}
