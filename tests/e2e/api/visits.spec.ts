import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { isHoliday } from './holidays';

/**
 * The coordinators' visit API on a fixed clock: who may (401, 403), the inbox, a confirmation,
 * an itinerary refused field by field (422), saved (200), and a second visit's that needs the same
 * presenter at the same time answered 409 with the clash and the next free time, nothing held; a
 * message; check-in on the day by the reference (once) and a no-show; the delegation's view.
 */
const BASE = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
const BEFORE = '2027-10-05T09:00:00+09:00';
const DAY = '2027-10-13';
const ON_THE_DAY = `${DAY}T09:30:00+09:00`;

/** A request context living at `at` (the app's TEST_CLOCK cookie), signed in as `email` when given. */
async function at(time: string, email?: string): Promise<APIRequestContext> {
	const context = await request.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { 'accept-language': 'en' },
		storageState: { cookies: [{ name: 'test-clock', value: new Date(time).toISOString(), domain: 'localhost', path: '/', expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' }], origins: [] }
	});
	if (email) expect((await context.post('/api/v1/session', { data: { email, password: 'center-demo' } })).status()).toBe(201);
	return context;
}

async function requestVisit(api: APIRequestContext, organization: string) {
	const response = await api.post('/api/v1/visits', {
		data: {
			organization, organizationKind: 'office', region: 'jeonnam', contactName: '김담당', email: `api-visit-${crypto.randomUUID().slice(0, 8)}@jne.go.kr`,
			phone: '061-260-0000', groupSize: 12, preferredDates: [{ date: DAY, period: 'am' }], departments: ['education'], purpose: '운영 사례', accessibilityNeeds: '', consent: true
		}
	});
	expect(response.status(), await response.text()).toBe(201);
	const { reference, manageUrl } = await response.json();
	return { reference: reference as string, token: new URL(manageUrl).pathname.split('/').pop()! };
}

test('the coordinators’ visit API: inbox, confirm, itinerary all or nothing, message, check-in', async () => {
	expect(isHoliday(DAY)).toBe(false);
	const nobody = await at(BEFORE);
	const school = await at(BEFORE, 'school@center.test');
	const coordinator = await at(BEFORE, 'visits@center.test');
	expect((await nobody.get('/api/v1/visit-requests')).status()).toBe(401);
	expect((await school.get('/api/v1/visit-requests')).status()).toBe(403);
	expect((await coordinator.get('/api/v1/visit-requests?status=nonsense')).status()).toBe(422);

	const first = await requestVisit(nobody, 'API 확인 전라남도교육청');
	const second = await requestVisit(nobody, 'API 확인 경상남도교육청');
	const inbox = await (await coordinator.get('/api/v1/visit-requests?status=new')).json();
	const idOf = (reference: string) => inbox.items.find((i: { reference: string }) => i.reference === reference).id as string;
	const [a, b] = [idOf(first.reference), idOf(second.reference)];
	expect((await (await coordinator.get(`/api/v1/visit-requests/${a}`)).json()).may).toMatchObject({ confirm: true, cancel: false });
	expect((await coordinator.get(`/api/v1/visit-requests/${crypto.randomUUID()}`)).status()).toBe(404);
	for (const id of [a, b]) {
		const confirmed = await coordinator.post(`/api/v1/visit-requests/${id}/confirm`, { data: { date: DAY, period: 'am' } });
		expect(confirmed.status(), await confirmed.text()).toBe(200);
		expect((await confirmed.json()).status).toBe('confirmed');
	}

	const rooms = (await (await nobody.get('/api/v1/rooms')).json()).rooms as { id: string; capacity: number }[];
	const hall = rooms.sort((x, y) => y.capacity - x.capacity)[0]!.id;
	const seated = rooms.filter((r) => r.capacity >= 12 && r.id !== hall)[0]!.id;
	const departments = (await (await coordinator.get('/api/v1/departments')).json()).departments as { code: string; consultants: { id: string }[] }[];
	const presenter = departments.find((d) => d.code === 'education')!.consultants[0]!.id;

	const refused = await coordinator.put(`/api/v1/visit-requests/${a}/itinerary`, {
		data: { segments: [{ kind: 'party', title: '', start: '10:00', end: '09:00', roomId: null }] }
	});
	expect(refused.status()).toBe(422);
	expect((await refused.json()).violations.map((v: { rule: string }) => v.rule)).toEqual(expect.arrayContaining(['segments']));

	const saved = await coordinator.put(`/api/v1/visit-requests/${a}/itinerary`, {
		data: { segments: [{ kind: 'briefing', title: 'Welcome', start: '10:00', end: '10:30', roomId: hall }, { kind: 'session', title: 'Education', start: '10:30', end: '11:10', roomId: seated, presenterIds: [presenter] }] }
	});
	expect(saved.status(), await saved.text()).toBe(200);
	expect((await saved.json()).segments.map((s: { title: string }) => s.title)).toEqual(['Welcome', 'Education']);

	const clash = await coordinator.put(`/api/v1/visit-requests/${b}/itinerary`, {
		data: { segments: [{ kind: 'session', title: 'Education', start: '10:00', end: '10:40', roomId: null, presenterIds: [presenter] }] }
	});
	expect(clash.status()).toBe(409);
	const problem = await clash.json();
	expect(problem.clashes).toEqual([
		expect.objectContaining({ segment: 0, resource: expect.objectContaining({ id: presenter, kind: 'presenter' }), start: new Date(`${DAY}T10:30:00+09:00`).toISOString(), nextFree: new Date(`${DAY}T11:10:00+09:00`).toISOString() })
	]);
	expect((await (await nobody.get(`/api/v1/visits/${second.token}`)).json()).itinerary).toEqual([]);
	expect((await coordinator.post(`/api/v1/visit-requests/${b}/messages`, { data: { body: '발표자 일정이 겹쳐 11시 10분부터 진행합니다.' } })).status()).toBe(201);

	// The day: check-in by the reference once; the other did not come.
	const desk = await at(ON_THE_DAY, 'visits@center.test');
	const arrived = await desk.post('/api/v1/visit-requests/check-in', { data: { code: first.reference.toLowerCase() } });
	expect(arrived.status(), await arrived.text()).toBe(200);
	expect(await arrived.json()).toMatchObject({ reference: first.reference, attendance: 'arrived' });
	expect((await desk.post('/api/v1/visit-requests/check-in', { data: { code: first.reference } })).status()).toBe(409);
	expect((await desk.post('/api/v1/visit-requests/check-in', { data: { code: 'V-1999-0001' } })).status()).toBe(422);
	expect((await (await desk.post(`/api/v1/visit-requests/${b}/check-in`, { data: { attendance: 'no_show' } })).json()).attendance).toBe('no_show');

	const view = await (await nobody.get(`/api/v1/visits/${first.token}`)).json();
	expect(view.status).toBe('done');
	expect(view.itinerary).toHaveLength(2);
	expect(view.timeline.map((e: { kind: string }) => e.kind)).toEqual(['requested', 'confirmed', 'itinerary', 'arrived']);
	for (const c of [nobody, school, coordinator, desk]) await c.dispose();
});
