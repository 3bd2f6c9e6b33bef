/**
 * The school's consultation pages, called as SvelteKit calls them: any query or form answers a
 * page or a 4xx with the values kept, never a 5xx; a booking made through the form redirects to
 * its page; another school's consultation is a 404.
 */
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as bookPage from '../../src/routes/(app)/consultations/+page.server';
import * as detailPage from '../../src/routes/(app)/consultations/[id=uuid]/+page.server';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { consultation, consultationTopic, department, school as schoolTable } from '../../src/lib/server/db/schema';
import { actor, at, seedDemoCenter } from './fixtures';

let school: SessionUser;
let topicId: string;

beforeAll(async () => {
	await seedDemoCenter();
	school = await actor('school@center.test');
	const [row] = await db
		.select({ id: consultationTopic.id })
		.from(consultationTopic)
		.innerJoin(department, eq(department.id, consultationTopic.departmentId))
		.where(eq(consultationTopic.nameKo, '시설 보수 상담'));
	topicId = row!.id;
});

beforeEach(() => clock.freeze(at('2027-01-04', '08:00')));

const ORIGIN = 'http://center.test';

function event(path: string, init: { user?: SessionUser; form?: Record<string, string>; params?: Record<string, string> } = {}) {
	const url = new URL(path, ORIGIN);
	const request = init.form
		? new Request(url, { method: 'POST', body: new URLSearchParams(init.form), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
		: new Request(url);
	return { url, request, params: init.params ?? {}, locals: { user: init.user ?? school, session: null, requestId: 'test' }, cookies: { set() {}, get() {}, delete() {} }, getClientAddress: () => '127.0.0.1' };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = (event: any) => Promise<any>;
const load = bookPage.load as unknown as Any;
const book = bookPage.actions.book as unknown as Any;

async function consultations() {
	const [row] = await db.select({ n: count() }).from(consultation);
	return row!.n;
}

describe('the booking page', () => {
	it.each([
		'?department=nowhere',
		'?department=facility&topic=not-a-uuid',
		'?department=facility&topic=TOPIC&week=9999-99-99&start=yesterday&consultant=%00',
		'?department=facility&topic=TOPIC&week=1999-01-04',
		'?department=facility&topic=TOPIC&week=2100-12-27&consultant=any'
	])('answers a page for %s', async (query) => {
		const data = await load(event(`/consultations${query.replace('TOPIC', topicId)}`));
		expect(data.departments).toHaveLength(4);
		if (query.includes('TOPIC')) {
			// The week stays between this week and the topic's horizon.
			expect(data.week.week >= '2027-01-04').toBe(true);
			expect(data.week.week <= '2027-02-22').toBe(true);
		}
	});

	it('offers a week of days, each with its free times or none', async () => {
		const data = await load(event(`/consultations?department=facility&topic=${topicId}`));
		expect(data.week.days.map((d: { date: string }) => d.date)).toEqual(['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08']);
		// Today is inside the lead time (a day): nothing free on Monday.
		expect(data.week.days[0].slots).toEqual([]);
		expect(data.week.days.some((d: { slots: unknown[] }) => d.slots.length > 0)).toBe(true);
	});

	it('refuses a broken form field by field, keeps the values, stores nothing', async () => {
		const before = await consultations();
		const values = { topicId, start: '0000-00-00', mode: 'boat', description: 'a\u0000b', consultantId: 'any', idempotencyKey: crypto.randomUUID() };
		const result = await book(event(`/consultations?department=facility&topic=${topicId}&/book`, { form: values }));
		expect(result.status).toBe(422);
		expect(Object.keys(result.data.errors).sort()).toEqual(['description', 'mode', 'start']);
		expect(result.data.values.description).toBe('a\u0000b');
		expect(await consultations()).toBe(before);
	});

	it('refuses a time that is not offered with 422, and a bad idempotency key with 4xx', async () => {
		const base = { topicId, start: '2027-01-04T03:00:00+09:00', mode: 'video', description: '상담', consultantId: 'any' };
		const notOffered = await book(event('/consultations?/book', { form: { ...base, idempotencyKey: crypto.randomUUID() } }));
		expect(notOffered.status).toBe(422);
		expect(notOffered.data.errors.start).toBeDefined();
		const badKey = await book(event('/consultations?/book', { form: { ...base, start: '2027-01-06T10:00:00+09:00', idempotencyKey: 'x'.repeat(500) } }));
		expect(badKey.status).toBeGreaterThanOrEqual(400);
		expect(badKey.status).toBeLessThan(500);
	});

	it('books an offered time and redirects to its page; another school sees a 404 there', async () => {
		const data = await load(event(`/consultations?department=facility&topic=${topicId}`));
		const slot = data.week.days.flatMap((d: { slots: { start: string }[] }) => d.slots)[0];
		const form = { topicId, start: slot.start, mode: 'video', description: '체육관 누수', consultantId: 'any', idempotencyKey: crypto.randomUUID() };
		const thrown = await book(event('/consultations?/book', { form })).catch((e: unknown) => e);
		expect(isRedirect(thrown)).toBe(true);
		const id = (thrown as { location: string }).location.match(/\/consultations\/([0-9a-f-]{36})\?booked=1$/)![1]!;

		const detail = await (detailPage.load as unknown as Any)(event(`/consultations/${id}`, { params: { id } }));
		expect(detail.consultation.reference).toMatch(/^C-2027-\d{4}$/);
		expect(detail.breadcrumb).toBe(detail.consultation.reference);

		const [other] = await db.select().from(schoolTable).where(eq(schoolTable.code, 'haemil-ms'));
		const stranger = other ? { ...school, id: crypto.randomUUID(), schoolId: other.id } : { ...school, schoolId: crypto.randomUUID() };
		const refused = await (detailPage.load as unknown as Any)(event(`/consultations/${id}`, { params: { id }, user: stranger })).catch((e: unknown) => e);
		expect(isHttpError(refused) && refused.status).toBe(404);
	});
});
