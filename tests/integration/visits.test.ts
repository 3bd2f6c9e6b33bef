/**
 * Benchmarking visit requests, the delegation's side: a request stored with its reference and a
 * private link whose token is kept only as a hash, the mail in the request's language, the
 * status page through the token (any other token is not found), the limit per sender address,
 * dates refused by the calendar, cancelling and messages. On PGlite always and on PostgreSQL
 * when TEST_DATABASE_URL is set.
 */
import { and, count, eq, inArray, like } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VisitRequestInput } from '../../src/lib/schemas/visits';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { closure, outbox, visitEvent, visitRequest } from '../../src/lib/server/db/schema';
import { ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError, ValidationError } from '../../src/lib/server/errors';
import * as capacity from '../../src/lib/server/visits/capacity';
import * as coordination from '../../src/lib/server/visits/coordination';
import * as visits from '../../src/lib/server/visits/requests';
import { actor, at, consultationIds, seedDemoCenter } from './fixtures';

const request = (over: Partial<VisitRequestInput> = {}): VisitRequestInput => ({
	organization: '전라남도교육청 학생생활과',
	organizationKind: 'office',
	region: 'jeonnam',
	contactName: '김담당',
	email: 'tour@jne.go.kr',
	phone: '061-260-0000',
	groupSize: 12,
	preferredDates: [
		{ date: '2027-03-10', period: 'am' },
		{ date: '2027-03-11', period: 'pm' }
	],
	departments: ['education', 'mediation'],
	topicIds: [],
	purpose: '학생맞춤통합지원 운영 사례를 배우고자 합니다.',
	accessibilityNeeds: '휠체어 이용자 1명',
	consent: true,
	...over
});

let address = 0;
/** Each test sends from its own address, so the limit of one never refuses another's. */
const from = () => ({ locale: 'ko' as const, clientAddress: `10.0.0.${++address}` });

beforeAll(async () => {
	await seedDemoCenter();
});

beforeEach(() => clock.freeze(at('2027-02-22', '10:00')));

describe('a visit request', () => {
	it('is stored with a reference and a private link whose token is kept only as a hash; the delegation is mailed in its language', async () => {
		const done = await visits.submit(request(), from());
		expect(done.reference).toMatch(/^V-2027-\d{4}$/);
		expect(done.token).toMatch(/^[a-z2-7]{52}$/);
		expect(done.manageUrl).toMatch(new RegExp(`/visits/status/${done.token}$`));
		const [row] = await db.select().from(visitRequest).where(eq(visitRequest.reference, done.reference));
		expect(row).toMatchObject({ status: 'new', groupSize: 12, region: 'jeonnam', locale: 'ko', consentVersion: expect.any(String) });
		expect(row!.consentedAt).toEqual(clock.now());
		expect(JSON.stringify(row)).not.toContain(done.token);
		const [mail] = await db.select().from(outbox).where(and(eq(outbox.toAddress, 'tour@jne.go.kr'), eq(outbox.kind, 'visit_received'), like(outbox.subject, `%${done.reference}%`)));
		expect(mail!.subject).toContain('벤치마킹 방문 신청');
		expect(mail!.bodyText).toContain(done.manageUrl);
		expect(mail!.bodyText).toContain('2027년 3월 10일 (수) 오전');
		expect(mail!.bodyText).not.toMatch(/morning|Dear/);
	});

	it('in English, the mail is English only', async () => {
		const done = await visits.submit(request({ email: 'visit@example.org' }), { ...from(), locale: 'en' });
		const [mail] = await db.select().from(outbox).where(and(eq(outbox.toAddress, 'visit@example.org'), like(outbox.subject, `%${done.reference}%`)));
		expect(mail!.subject).toContain('benchmarking visit request');
		expect(mail!.bodyText).toContain('Wed, 10 Mar 2027, morning');
		// Korean only where the delegation wrote it (its organisation's name).
		expect(mail!.bodyText.replaceAll('전라남도교육청 학생생활과', '').replaceAll('김담당', '')).not.toMatch(/[\uAC00-\uD7A3]/);
	});

	it('numbers references in order, without gaps, also when requests arrive at once', async () => {
		const results = await Promise.all(Array.from({ length: 6 }, () => visits.submit(request(), from())));
		const numbers = results.map((r) => Number(r.reference.slice(-4))).sort((a, b) => a - b);
		expect(new Set(numbers).size).toBe(6);
		expect(numbers[5]! - numbers[0]!).toBe(5);
	});

	it('refuses a weekend, a holiday or a past date, naming its place in the list, and stores nothing', async () => {
		const before = (await db.select({ n: count() }).from(visitRequest))[0]!.n;
		const refused = await visits
			.submit(request({ preferredDates: [{ date: '2027-02-20', period: 'am' }, { date: '2027-03-01', period: 'am' }, { date: '2027-03-13', period: 'pm' }] }), from())
			.catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).violations.map((v) => `${v.params?.n}:${v.messageKey}`)).toEqual(['1:visit_date_past', '2:visit_date_holiday', '3:visit_date_weekend']);
		expect((await db.select({ n: count() }).from(visitRequest))[0]!.n).toBe(before);
	});

	it('limits requests per sender address, in the database: over it, 429 and nothing stored', async () => {
		const sender = { locale: 'ko' as const, clientAddress: '192.0.2.77' };
		for (let i = 0; i < visits.visitRequestLimit().limit; i++) await visits.submit(request({ email: `limit-${i}@example.org` }), sender);
		const refused = await visits.submit(request({ email: 'limit-over@example.org' }), sender).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(TooManyRequestsError);
		expect((await db.select().from(visitRequest).where(eq(visitRequest.email, 'limit-over@example.org'))).length).toBe(0);
		// Another address is not held back, and the first one may send again an hour later.
		await expect(visits.submit(request(), from())).resolves.toBeDefined();
		clock.freeze(at('2027-02-22', '11:01'));
		await expect(visits.submit(request({ email: 'limit-later@example.org' }), sender)).resolves.toBeDefined();
	});
});

describe('the private link', () => {
	it('opens the request with its timeline; a reference, a guess or a near miss opens nothing', async () => {
		const done = await visits.submit(request(), from());
		const view = await visits.byToken(done.token);
		expect(view).toMatchObject({ reference: done.reference, status: 'new', organization: '전라남도교육청 학생생활과', groupSize: 12 });
		expect(view.region).toMatchObject({ code: 'jeonnam', ko: '전라남도교육청' });
		expect(view.departments.map((d) => d.code)).toEqual(['education', 'mediation']);
		expect(view.timeline.map((e) => `${e.kind}:${e.author}`)).toEqual(['requested:delegation']);
		const nearMiss = done.token.slice(0, -1) + (done.token.endsWith('a') ? 'b' : 'a');
		for (const wrong of [done.reference, nearMiss, 'a'.repeat(52), ''])
			await expect(visits.byToken(wrong)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('cancels once: the status and its timeline entry together; a second cancel is a conflict', async () => {
		const done = await visits.submit(request(), from());
		await visits.cancelByDelegation(done.token);
		await expect(visits.cancelByDelegation(done.token)).rejects.toBeInstanceOf(ConflictError);
		const view = await visits.byToken(done.token);
		expect(view.status).toBe('cancelled');
		expect(view.timeline.map((e) => e.kind)).toEqual(['requested', 'cancelled']);
		await expect(visits.messageFromDelegation(done.token, '다시 신청해도 될까요?')).rejects.toBeInstanceOf(ConflictError);
	});

	it('two cancels at once change it once', async () => {
		const done = await visits.submit(request(), from());
		const outcomes = await Promise.allSettled([visits.cancelByDelegation(done.token), visits.cancelByDelegation(done.token)]);
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
		const [row] = await db.select().from(visitRequest).where(eq(visitRequest.reference, done.reference));
		const events = await db.select().from(visitEvent).where(and(eq(visitEvent.visitId, row!.id), eq(visitEvent.kind, 'cancelled')));
		expect(events).toHaveLength(1);
	});

	it("puts the delegation's messages on the timeline, in order", async () => {
		const done = await visits.submit(request(), from());
		await visits.messageFromDelegation(done.token, '주차 공간이 있나요?');
		await visits.messageFromDelegation(done.token, '버스 한 대로 갑니다.');
		const view = await visits.byToken(done.token);
		expect(view.timeline.map((e) => e.body)).toEqual([null, '주차 공간이 있나요?', '버스 한 대로 갑니다.']);
	});
});

describe('a lost private link', () => {
	it('is mailed anew to the address of the request, given its reference; the old link stops opening', async () => {
		const done = await visits.submit(request({ email: 'lost@example.org' }), from());
		await visits.renewLink({ reference: done.reference, email: ' LOST@example.org ' }, from());
		await expect(visits.byToken(done.token)).rejects.toBeInstanceOf(NotFoundError);
		const [mail] = await db.select().from(outbox).where(and(eq(outbox.toAddress, 'lost@example.org'), eq(outbox.kind, 'visit_link')));
		const fresh = /\/visits\/status\/([a-z2-7]{52})/.exec(mail!.bodyText)![1]!;
		expect(fresh).not.toBe(done.token);
		const view = await visits.byToken(fresh);
		expect(view.reference).toBe(done.reference);
		expect(view.timeline.at(-1)!.kind).toBe('link_renewed');
	});

	it('changes nothing and mails nobody when the reference and the address do not match', async () => {
		const done = await visits.submit(request({ email: 'kept@example.org' }), from());
		await visits.renewLink({ reference: done.reference, email: 'someone-else@example.org' }, from());
		await visits.renewLink({ reference: 'V-1999-0001', email: 'kept@example.org' }, from());
		await expect(visits.byToken(done.token)).resolves.toMatchObject({ reference: done.reference });
		expect(await db.select().from(outbox).where(and(eq(outbox.kind, 'visit_link'), inArray(outbox.toAddress, ['kept@example.org', 'someone-else@example.org'])))).toEqual([]);
	});

	it('is limited per sender address', async () => {
		const sender = from();
		for (let i = 0; i < visits.linkRequestLimit().limit; i++) await visits.renewLink({ reference: 'V-1999-0001', email: 'x@example.org' }, sender);
		await expect(visits.renewLink({ reference: 'V-1999-0001', email: 'x@example.org' }, sender)).rejects.toBeInstanceOf(TooManyRequestsError);
	});
});

describe("the coordinators' decisions", () => {
	const coordinator = () => actor('visits@center.test');

	it('only coordinators (and admins) see the inbox; a new request is in it, and they were told', async () => {
		const done = await visits.submit(request({ organization: '부산광역시교육청 교육혁신과', region: 'busan' }), from());
		await expect(coordination.inbox(await actor('school@center.test'), 'new')).rejects.toBeInstanceOf(ForbiddenError);
		await expect(coordination.inbox(await actor('facility@center.test'), 'new')).rejects.toBeInstanceOf(ForbiddenError);
		const { items, counts } = await coordination.inbox(await coordinator(), 'new');
		expect(items.map((i) => i.reference)).toContain(done.reference);
		expect(counts.new).toBeGreaterThanOrEqual(1);
		const [notice] = await db.select().from(outbox).where(and(eq(outbox.toAddress, 'visits@center.test'), like(outbox.subject, `%${done.reference}%`)));
		expect(notice!.subject).toContain('부산광역시교육청 교육혁신과');
	});

	it('confirm a preferred date: status, date, timeline and the mail together; a second confirm is a conflict', async () => {
		const done = await visits.submit(request({ email: 'confirm@example.org' }), from());
		const { items } = await coordination.inbox(await coordinator(), 'new');
		const id = items.find((i) => i.reference === done.reference)!.id;
		await coordination.confirm(await coordinator(), id, { date: '2027-03-11', period: 'pm' });
		await expect(coordination.confirm(await coordinator(), id, { date: '2027-03-10', period: 'am' })).rejects.toBeInstanceOf(ConflictError);
		const view = await visits.byToken(done.token);
		expect(view).toMatchObject({ status: 'confirmed', visitDate: '2027-03-11', visitPeriod: 'pm' });
		expect(view.timeline.map((e) => `${e.kind}:${e.author}`)).toEqual(['requested:delegation', 'confirmed:coordinator']);
		const [mail] = await db.select().from(outbox).where(and(eq(outbox.toAddress, 'confirm@example.org'), eq(outbox.kind, 'visit_confirmed')));
		expect(mail!.bodyText).toContain('2027년 3월 11일 (목) 오후로 확정');
		// The token is never mailed again (only its hash is kept): the mail points to the first one's link.
		expect(mail!.bodyText).not.toContain(done.token);
	});

	it('two coordinators deciding at once: exactly one decision', async () => {
		const done = await visits.submit(request(), from());
		const id = (await coordination.inbox(await coordinator(), 'new')).items.find((i) => i.reference === done.reference)!.id;
		const admin = await actor('admin@center.test');
		const outcomes = await Promise.allSettled([
			coordination.confirm(await coordinator(), id, { date: '2027-03-10', period: 'am' }),
			coordination.decline(admin, id, '해당 기간에 내부 행사가 있습니다.')
		]);
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
		expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason)).toEqual([expect.any(ConflictError)]);
		const view = await visits.byToken(done.token);
		expect(view.timeline.filter((e) => e.author === 'coordinator')).toHaveLength(1);
	});

	it('propose another date; the delegation accepts it through its link and the visit is confirmed', async () => {
		const done = await visits.submit(request({ email: 'propose@example.org' }), from());
		const id = (await coordination.inbox(await coordinator(), 'new')).items.find((i) => i.reference === done.reference)!.id;
		await expect(coordination.propose(await coordinator(), id, { date: '2027-03-13', period: 'am' }, '')).rejects.toBeInstanceOf(ValidationError);
		await coordination.propose(await coordinator(), id, { date: '2027-03-16', period: 'am' }, '17일 오후도 가능합니다.');
		expect((await visits.byToken(done.token)).status).toBe('waiting');
		const [mail] = await db.select().from(outbox).where(and(eq(outbox.toAddress, 'propose@example.org'), eq(outbox.kind, 'visit_proposed')));
		expect(mail!.bodyText).toContain('17일 오후도 가능합니다.');
		await visits.acceptProposal(done.token);
		await expect(visits.acceptProposal(done.token)).rejects.toBeInstanceOf(ConflictError);
		const view = await visits.byToken(done.token);
		expect(view).toMatchObject({ status: 'confirmed', visitDate: '2027-03-16', visitPeriod: 'am' });
		expect(view.timeline.map((e) => e.kind)).toEqual(['requested', 'proposed', 'accepted']);
	});

	it('decline needs a reason the delegation reads; messages go both ways', async () => {
		const done = await visits.submit(request({ email: 'decline@example.org' }), from());
		const id = (await coordination.inbox(await coordinator(), 'new')).items.find((i) => i.reference === done.reference)!.id;
		await coordination.message(await coordinator(), id, '방문 인원에 학생도 포함되나요?');
		await visits.messageFromDelegation(done.token, '교원만 12명입니다.');
		await expect(coordination.decline(await coordinator(), id, '  ')).rejects.toBeInstanceOf(ValidationError);
		await coordination.decline(await coordinator(), id, '3월에는 방문을 받지 않습니다.');
		const view = await visits.byToken(done.token);
		expect(view.status).toBe('declined');
		expect(view.timeline.map((e) => `${e.author}:${e.body}`)).toEqual([
			'delegation:null',
			'coordinator:방문 인원에 학생도 포함되나요?',
			'delegation:교원만 12명입니다.',
			'coordinator:3월에는 방문을 받지 않습니다.'
		]);
		const detail = await coordination.detail(await coordinator(), id);
		expect(detail.may).toEqual({ confirm: false, propose: false, cancel: false, decline: false, message: false });
		await expect(coordination.detail(await coordinator(), crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('topics of interest', () => {
	it("are the departments' own: an unknown topic is refused, a known one kept", async () => {
		const { topics } = await consultationIds();
		const refused = await visits.submit(request({ topicIds: [crypto.randomUUID()] }), from()).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).violations.map((v) => v.rule)).toEqual(['topicIds']);
		const done = await visits.submit(request({ topicIds: [topics['관계회복 조정']!] }), from());
		const [row] = await db.select().from(visitRequest).where(eq(visitRequest.reference, done.reference));
		expect(row!.topicIds).toEqual([topics['관계회복 조정']]);
	});
});

describe("a day's capacity", () => {
	const coordinator = () => actor('visits@center.test');
	async function newRequest(date: string) {
		const done = await visits.submit(request({ preferredDates: [{ date, period: 'am' }] }), from());
		const id = (await coordination.inbox(await coordinator(), 'new')).items.find((i) => i.reference === done.reference)!.id;
		return { ...done, id };
	}

	it('three coordinators confirming three requests for one day at once: exactly VISITS_PER_DAY (2) are confirmed', async () => {
		const day = '2027-04-14';
		const requests = await Promise.all([newRequest(day), newRequest(day), newRequest(day)]);
		const who = await coordinator();
		const outcomes = await Promise.allSettled(requests.map((r) => coordination.confirm(who, r.id, { date: day, period: 'am' })));
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
		const refusal = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
		expect(refusal.reason).toBeInstanceOf(ValidationError);
		expect((refusal.reason as ValidationError).violations[0]!.messageKey).toBe('visit_day_full');
		const [calendarDay] = await capacity.days(day, day);
		expect(calendarDay).toMatchObject({ confirmed: 2, capacity: 2, closed: null });
	});

	it('a day closed to visits, or the building closed, is refused; reopened, it takes visits again', async () => {
		const day = '2027-04-15';
		const r = await newRequest(day);
		await expect(capacity.closeDay(await coordinator(), day, '  ')).rejects.toBeInstanceOf(ValidationError);
		await expect(capacity.closeDay(await actor('school@center.test'), day, '행사')).rejects.toBeInstanceOf(ForbiddenError);
		await capacity.closeDay(await coordinator(), day, '본부 자체 행사');
		expect((await capacity.days(day, day))[0]!.closed).toEqual({ kind: 'closed_day', reason: '본부 자체 행사' });
		const closed = await coordination.confirm(await coordinator(), r.id, { date: day, period: 'am' }).catch((e: unknown) => e);
		expect((closed as ValidationError).violations[0]!.messageKey).toBe('visit_day_closed');
		await capacity.reopenDay(await coordinator(), day);
		await expect(capacity.reopenDay(await coordinator(), day)).rejects.toBeInstanceOf(NotFoundError);
		await db.insert(closure).values({ resourceId: null, startsAt: at('2027-04-16', '00:00'), endsAt: at('2027-04-17', '00:00'), reason: '전기 안전 점검', allDay: true });
		expect((await capacity.days('2027-04-16', '2027-04-16'))[0]!.closed).toEqual({ kind: 'closure', reason: '전기 안전 점검' });
		const building = await coordination.confirm(await coordinator(), r.id, { date: '2027-04-16', period: 'pm' }).catch((e: unknown) => e);
		expect((building as ValidationError).violations[0]!.messageKey).toBe('visit_day_closed');
		await coordination.confirm(await coordinator(), r.id, { date: day, period: 'am' });
		expect((await visits.byToken(r.token)).status).toBe('confirmed');
	});

	it('a proposal accepted after its day filled up is refused, and the request keeps waiting', async () => {
		const day = '2027-04-20';
		const [a, b, c] = await Promise.all([newRequest('2027-04-21'), newRequest(day), newRequest(day)]);
		await coordination.propose(await coordinator(), a!.id, { date: day, period: 'pm' }, '');
		await coordination.confirm(await coordinator(), b!.id, { date: day, period: 'am' });
		await coordination.confirm(await coordinator(), c!.id, { date: day, period: 'am' });
		await expect(visits.acceptProposal(a!.token)).rejects.toBeInstanceOf(ValidationError);
		expect((await visits.byToken(a!.token)).status).toBe('waiting');
	});
});
