import { count, eq } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import type { Database } from './index';
import { seedConsultationTopics, seedDemoConsultants } from './seed-consultations';
import { appUser, department, openingHours, resource, room, roomRule, school, type Role } from './schema';

export const DEMO_PASSWORD = 'center-demo';

export const DEPARTMENTS = [
	{ code: 'education', nameKo: '교육지원부', nameEn: 'Education Support', sortOrder: 1 },
	{ code: 'administration', nameKo: '행정지원부', nameEn: 'Administrative Support', sortOrder: 2 },
	{ code: 'mediation', nameKo: '화해조정부', nameEn: 'Reconciliation & Mediation', sortOrder: 3 },
	{ code: 'facility', nameKo: '시설지원부', nameEn: 'Facility Support', sortOrder: 4 }
] as const;

export const SCHOOLS = [
	{ code: '9300101', nameKo: '한솔초등학교', nameEn: 'Hansol Elementary School', level: 'elementary', phone: '044-000-0101' },
	{ code: '9300102', nameKo: '도담초등학교', nameEn: 'Dodam Elementary School', level: 'elementary', phone: '044-000-0102' },
	{ code: '9300201', nameKo: '아름중학교', nameEn: 'Areum Middle School', level: 'middle', phone: '044-000-0201' },
	{ code: '9300202', nameKo: '종촌중학교', nameEn: 'Jongchon Middle School', level: 'middle', phone: '044-000-0202' },
	{ code: '9300301', nameKo: '세종고등학교', nameEn: 'Sejong High School', level: 'high', phone: '044-000-0301' },
	{ code: '9300302', nameKo: '세종국제고등학교', nameEn: 'Sejong International High School', level: 'high', phone: '044-000-0302' },
	{ code: '9300401', nameKo: '세종누리학교', nameEn: 'Sejong Nuri School', level: 'special', phone: '044-000-0401' }
] as const;

type RoomSeed = Omit<typeof room.$inferInsert, 'resourceId'>;
const STEP_FREE = ['step_free', 'elevator', 'accessible_toilet'];

export const ROOMS: RoomSeed[] = [
	{
		code: 'seminar-hall', nameKo: '대강당', nameEn: 'Seminar Hall', floor: 1, capacity: 150,
		equipment: ['projector', 'microphone', 'recording', 'stage_lighting'],
		accessibility: [...STEP_FREE, 'hearing_loop', 'wheelchair_seating'],
		descriptionKo: '연수, 설명회, 대규모 행사를 위한 계단식 강당입니다.',
		descriptionEn: 'Tiered hall for trainings, briefings and large events.'
	},
	{
		code: 'large-meeting', nameKo: '대회의실', nameEn: 'Large Meeting Room', floor: 3, capacity: 40,
		equipment: ['projector', 'microphone', 'video_conference'], accessibility: [...STEP_FREE, 'hearing_loop'],
		descriptionKo: '협의회와 벤치마킹 방문 설명에 쓰는 회의실입니다.',
		descriptionEn: 'For councils and benchmarking-visit briefings.'
	},
	{
		code: 'meeting-a', nameKo: '중회의실 A', nameEn: 'Meeting Room A', floor: 3, capacity: 16,
		equipment: ['display', 'whiteboard'], accessibility: STEP_FREE
	},
	{
		code: 'meeting-b', nameKo: '중회의실 B', nameEn: 'Meeting Room B', floor: 3, capacity: 12,
		equipment: ['display', 'whiteboard'], accessibility: STEP_FREE
	},
	{
		code: 'small-meeting-1', nameKo: '소회의실 1', nameEn: 'Small Meeting Room 1', floor: 2, capacity: 6,
		equipment: ['display'], accessibility: STEP_FREE
	},
	{
		code: 'consult-1', nameKo: '상담실 1', nameEn: 'Consultation Room 1', floor: 2, capacity: 4,
		equipment: ['display'], accessibility: STEP_FREE
	},
	{
		code: 'consult-2', nameKo: '상담실 2', nameEn: 'Consultation Room 2', floor: 2, capacity: 4,
		equipment: [], accessibility: STEP_FREE
	},
	{
		code: 'consult-3', nameKo: '상담실 3', nameEn: 'Consultation Room 3', floor: 2, capacity: 4,
		equipment: [], accessibility: STEP_FREE
	},
	{
		code: 'consult-4', nameKo: '상담실 4', nameEn: 'Consultation Room 4', floor: 2, capacity: 6,
		equipment: ['display'], accessibility: STEP_FREE
	},
	{
		code: 'mediation', nameKo: '화해조정실', nameEn: 'Mediation Room', floor: 4, capacity: 8,
		equipment: ['soundproofing'], accessibility: [...STEP_FREE, 'separate_entrance'],
		descriptionKo: '방음 처리된 조정 전용 공간으로, 별도 출입구가 있습니다.',
		descriptionEn: 'Soundproofed room for mediation, with a separate entrance.'
	},
	{
		code: 'pc-lab', nameKo: '전산교육실', nameEn: 'Computer Training Room', floor: 4, capacity: 30,
		equipment: ['pc', 'projector', 'printer'], accessibility: STEP_FREE
	},
	{
		code: 'video-conference', nameKo: '화상회의실', nameEn: 'Video Conference Room', floor: 3, capacity: 12,
		equipment: ['video_conference', 'display', 'microphone'], accessibility: STEP_FREE
	}
];

type PlaceSeed = Pick<
	typeof room.$inferInsert,
	'locationKo' | 'locationEn' | 'freeOfCharge' | 'feeNoteKo' | 'feeNoteEn' | 'officeNameKo' | 'officeNameEn' | 'officePhone'
>;
const FACILITY_OFFICE = { officeNameKo: '시설지원부', officeNameEn: 'Facility Support', officePhone: '044-320-3041' };
const EDUCATION_OFFICE = { officeNameKo: '교육지원부', officeNameEn: 'Education Support', officePhone: '044-320-3011' };
const MEDIATION_OFFICE = { officeNameKo: '화해조정부', officeNameEn: 'Reconciliation & Mediation', officePhone: '044-320-3031' };

/** Where each demo room is, whether it costs anything, and who answers the phone for it. */
export const ROOM_PLACES: Record<string, PlaceSeed> = {
	'seminar-hall': { locationKo: '본관 1층 정문 로비 왼쪽', locationEn: 'Main building, 1F, left of the entrance lobby', freeOfCharge: false, feeNoteKo: '외부 단체는 1시간 30,000원 (교육기관은 무료)', feeNoteEn: 'External groups: ₩30,000 per hour (free for schools)', ...FACILITY_OFFICE },
	'large-meeting': { locationKo: '본관 3층 엘리베이터 옆', locationEn: 'Main building, 3F, next to the lift', ...FACILITY_OFFICE },
	'meeting-a': { locationKo: '본관 3층 복도 끝 왼쪽', locationEn: 'Main building, 3F, end of the corridor on the left', ...FACILITY_OFFICE },
	'meeting-b': { locationKo: '본관 3층 복도 끝 오른쪽', locationEn: 'Main building, 3F, end of the corridor on the right', ...FACILITY_OFFICE },
	'small-meeting-1': { locationKo: '본관 2층 엘리베이터 옆', locationEn: 'Main building, 2F, next to the lift', ...FACILITY_OFFICE },
	'consult-1': { locationKo: '본관 2층 상담센터 안 첫째 방', locationEn: 'Main building, 2F, counselling wing, first room', ...EDUCATION_OFFICE },
	'consult-2': { locationKo: '본관 2층 상담센터 안 둘째 방', locationEn: 'Main building, 2F, counselling wing, second room', ...EDUCATION_OFFICE },
	'consult-3': { locationKo: '본관 2층 상담센터 안 셋째 방', locationEn: 'Main building, 2F, counselling wing, third room', ...EDUCATION_OFFICE },
	'consult-4': { locationKo: '본관 2층 상담센터 안 넷째 방', locationEn: 'Main building, 2F, counselling wing, fourth room', ...EDUCATION_OFFICE },
	mediation: { locationKo: '본관 4층 화해조정부 사무실 맞은편', locationEn: 'Main building, 4F, opposite the mediation office', ...MEDIATION_OFFICE },
	'pc-lab': { locationKo: '본관 4층 계단 옆', locationEn: 'Main building, 4F, next to the stairs', ...EDUCATION_OFFICE },
	'video-conference': { locationKo: '본관 3층 대회의실 옆', locationEn: 'Main building, 3F, next to the large meeting room', ...FACILITY_OFFICE }
};

type RuleSeed = Partial<Omit<typeof roomRule.$inferInsert, 'resourceId'>>;
const STAFF_ROLES = ['admin', 'facility_manager', 'department_staff', 'visit_coordinator'];

/** Booking rules that differ from the defaults (30-min grid, 30 min–8 h, 1 h lead, 90 days). */
export const ROOM_RULES: Record<string, RuleSeed> = {
	'seminar-hall': {
		requiresApproval: true,
		bufferBeforeMinutes: 30,
		bufferAfterMinutes: 30,
		minMinutes: 60,
		monthlyQuotaMinutes: 16 * 60,
		leadTimeMinutes: 3 * 24 * 60
	},
	'large-meeting': { requiresApproval: true, bufferAfterMinutes: 15, monthlyQuotaMinutes: 20 * 60 },
	'pc-lab': { requiresApproval: true, bufferAfterMinutes: 30, minMinutes: 60 },
	'video-conference': { bufferBeforeMinutes: 10, granularityMinutes: 15 },
	'consult-1': { allowedRoles: STAFF_ROLES },
	'consult-2': { allowedRoles: STAFF_ROLES },
	'consult-3': { allowedRoles: STAFF_ROLES },
	'consult-4': { allowedRoles: STAFF_ROLES },
	mediation: { allowedRoles: ['department_staff', 'facility_manager', 'admin'], bufferAfterMinutes: 15 }
};

/** Weekdays 09:00–18:00 Asia/Seoul, the center default. */
export const DEFAULT_OPENING_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({
	weekday,
	opensMinute: 9 * 60,
	closesMinute: 18 * 60
}));

type DemoUser = { email: string; name: string; role: Role; department?: string; school?: string; lead?: boolean };
export const DEMO_USERS: DemoUser[] = [
	{ email: 'admin@center.test', name: '김하늘 (관리자)', role: 'admin' },
	{ email: 'facility@center.test', name: '이도윤 (시설관리)', role: 'facility_manager' },
	{ email: 'edu@center.test', name: '박서연 (교육지원부)', role: 'department_staff', department: 'education', lead: true },
	{ email: 'admin-support@center.test', name: '최민준 (행정지원부)', role: 'department_staff', department: 'administration', lead: true },
	{ email: 'mediation@center.test', name: '정하은 (화해조정부)', role: 'department_staff', department: 'mediation', lead: true },
	{ email: 'facility-support@center.test', name: '강지호 (시설지원부)', role: 'department_staff', department: 'facility', lead: true },
	{ email: 'edu2@center.test', name: '오지훈 (교육지원부)', role: 'department_staff', department: 'education' },
	{ email: 'admin-support2@center.test', name: '서유진 (행정지원부)', role: 'department_staff', department: 'administration' },
	{ email: 'mediation2@center.test', name: '임태윤 (화해조정부)', role: 'department_staff', department: 'mediation' },
	{ email: 'facility-support2@center.test', name: '문가영 (시설지원부)', role: 'department_staff', department: 'facility' },
	{ email: 'visits@center.test', name: '윤수아 (방문 담당)', role: 'visit_coordinator' },
	{ email: 'school@center.test', name: '한지민 (한솔초 교사)', role: 'school_user', school: '9300101' }
];

/** The center's fixed data: departments, schools, rooms, opening hours. Idempotent. */
export async function seedCenter(db: Database): Promise<void> {
	await db.insert(department).values([...DEPARTMENTS]).onConflictDoNothing();
	await db.insert(school).values([...SCHOOLS]).onConflictDoNothing();
	const [{ rooms }] = (await db.select({ rooms: count() }).from(room)) as [{ rooms: number }];
	if (rooms === 0) {
		await db.transaction(async (tx) => {
			for (const [index, seed] of ROOMS.entries()) {
				const [res] = await tx.insert(resource).values({ kind: 'room' }).returning();
				await tx.insert(room).values({ ...seed, ...ROOM_PLACES[seed.code], resourceId: res!.id, sortOrder: index });
				await tx.insert(roomRule).values({ ...ROOM_RULES[seed.code], resourceId: res!.id });
			}
		});
	}
	await db
		.insert(openingHours)
		.values(DEFAULT_OPENING_HOURS.map((h) => ({ ...h, resourceId: null })))
		.onConflictDoNothing();
	await seedConsultationTopics(db);
}

/** The center plus one account per role, all with DEMO_PASSWORD. Idempotent. */
export async function seedDemo(db: Database): Promise<void> {
	await seedCenter(db);
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const departments = await db.select().from(department);
	const schools = await db.select().from(school);
	for (const user of DEMO_USERS) {
		await db
			.insert(appUser)
			.values({
				email: user.email,
				name: user.name,
				role: user.role,
				passwordHash,
				departmentId: user.department ? departments.find((d) => d.code === user.department)!.id : null,
				departmentLead: user.lead ?? false,
				schoolId: user.school ? schools.find((s) => s.code === user.school)!.id : null
			})
			.onConflictDoNothing();
	}
	await seedDemoConsultants(db);
}

export async function isSeeded(db: Database): Promise<boolean> {
	const [row] = await db.select({ id: department.id }).from(department).where(eq(department.code, 'education'));
	return Boolean(row);
}
