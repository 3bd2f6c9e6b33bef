import { count, eq } from 'drizzle-orm';
import { addDays, seoulDate } from '../../time/seoul';
import { SESSION_USER_COLUMNS, type SessionUser } from '../auth/sessions';
import { holidayNames } from '../engine/availability';
import * as coordination from '../visits/coordination';
import { checkPreferredDates } from '../visits/dates';
import * as itinerary from '../visits/itinerary';
import * as visits from '../visits/requests';
import { db } from '.';
import { appUser, department, visitRequest } from './schema';

/** The first days from `days` ahead on that take visits (weekdays, no public holiday). */
function visitDays(now: Date, days: number, n: number): string[] {
	const today = seoulDate(now);
	const out: string[] = [];
	for (let d = days; out.length < n && d < days + 60; d++) {
		const date = addDays(today, d);
		if (checkPreferredDates([{ date }], today, holidayNames).length === 0) out.push(date);
	}
	return out;
}

/**
 * The demo's visits, once (none when any request exists): a delegation from 전라남도교육청 confirmed
 * with the template's itinerary (beyond the demo fortnight of room bookings), and a new request
 * from 경상북도교육청 waiting in the coordinators' inbox. Through the services, as a person would.
 */
export async function seedDemoVisits(now: Date): Promise<number> {
	const [{ n }] = (await db.select({ n: count() }).from(visitRequest)) as [{ n: number }];
	if (Number(n) > 0) return 0;
	const [row] = await db.select(SESSION_USER_COLUMNS).from(appUser).leftJoin(department, eq(department.id, appUser.departmentId)).where(eq(appUser.email, 'visits@center.test'));
	const coordinator = row as SessionUser | undefined;
	if (!coordinator) return 0;
	const [first, second, third] = visitDays(now, 16, 3);
	if (!first || !second || !third) return 0;
	const from = { locale: 'ko' as const, clientAddress: 'demo-seed' };
	const jeonnam = await visits.submit(
		{
			organization: '전라남도교육청 학생생활과', organizationKind: 'office', region: 'jeonnam', contactName: '김담당', email: 'visit-jeonnam@example.org', phone: '061-260-0000',
			groupSize: 12, preferredDates: [{ date: first, period: 'am' }, { date: second, period: 'pm' }], departments: ['education', 'mediation'], topicIds: [],
			purpose: '학생맞춤통합지원 체계와 화해조정 운영 사례를 배우고자 합니다.', accessibilityNeeds: '휠체어 이용자 1명', consent: true
		},
		from
	);
	await visits.submit(
		{
			organization: '경상북도교육청 교육지원과', organizationKind: 'office', region: 'gyeongbuk', contactName: '이담당', email: 'visit-gyeongbuk@example.org', phone: '054-805-0000',
			groupSize: 8, preferredDates: [{ date: third, period: 'pm' }], departments: ['administration'], topicIds: [],
			purpose: '학교 행정업무 경감 지원 사례를 듣고 싶습니다.', accessibilityNeeds: '', consent: true
		},
		from
	);
	const [confirmed] = await db.select({ id: visitRequest.id }).from(visitRequest).where(eq(visitRequest.reference, jeonnam.reference));
	await coordination.confirm(coordinator, confirmed!.id, { date: first, period: 'am' });
	const { segments } = await itinerary.draft(coordinator, confirmed!.id);
	await itinerary.save(coordinator, confirmed!.id, { segments });
	return 2;
}
