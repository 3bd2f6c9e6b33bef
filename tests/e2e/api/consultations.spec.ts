import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { SERVERS, signedIn } from './servers';

type Topic = {
	id: string;
	name: string;
	names: { ko: string; en: string };
	durationMinutes: number;
	modes: string[];
	openLimitPerSchool: number | null;
	requiresConfirmation: boolean;
};
type Consultant = { id: string; name: string; title: string };
type Department = { id: string; code: string; name: string; topics: Topic[]; consultants: Consultant[] };
type Slot = { start: string; end: string; consultants: number; consultantIds: string[] };
type Problem = { type: string; status: number; title: string; violations?: { rule: string; message: string }[]; alternatives?: { start: string; end: string }[] };

const DAY_MS = 86_400_000;
/** A Seoul date `days` from today: the searches span the next weeks, whatever today is. */
const seoulDay = (days: number) => new Date(Date.now() + 9 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);
const key = () => `consult-${crypto.randomUUID()}`;
const at = (iso: string) => new Date(iso).getTime();
const seoulWeekday = (iso: string) => new Date(at(iso) + 9 * 3_600_000).getUTCDay();

// The demo school (한솔초) is the one the school pages' specs book for, at the same time on the same
// database: the bookings here are made by a user of another school (도담초, invited through the real
// form), so neither spec takes the other's share of a department's open-consultation limit. The demo
// school is then the stranger.
const SCHOOL = 'school@center.test';
const PASSWORD = 'consult-api-other-school-2027';

for (const server of SERVERS) {
	test.describe(`consultations API on ${server.name}`, () => {
		let departments: Record<string, Department>;
		const topic = (code: string, nameEn: string) => departments[code]!.topics.find((t) => t.names.en === nameEn)!;

		async function slotsOf(context: APIRequestContext, code: string, t: Topic, query: Record<string, string> = {}): Promise<Slot[]> {
			const params = new URLSearchParams({ topic: t.id, from: seoulDay(0), to: seoulDay(55), ...query });
			const response = await context.get(`/api/v1/departments/${departments[code]!.id}/slots?${params}`);
			expect(response.status(), await response.text()).toBe(200);
			return (await response.json()).slots;
		}

		async function book(context: APIRequestContext, body: Record<string, unknown>, idempotencyKey = key()) {
			return context.post('/api/v1/consultations', { headers: { 'idempotency-key': idempotencyKey }, data: body });
		}

		test.beforeAll(async () => {
			const anonymous = await request.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { 'accept-language': 'en' } });
			const body = await (await anonymous.get('/api/v1/departments')).json();
			departments = Object.fromEntries((body.departments as Department[]).map((d) => [d.code, d]));
			await anonymous.dispose();
		});

		test('lists the departments with their topics and consultants, without a session, in the language asked for', async () => {
			expect(Object.keys(departments).sort()).toEqual(['administration', 'education', 'facility', 'mediation']);
			for (const d of Object.values(departments)) {
				expect(d.topics.length, d.code).toBeGreaterThanOrEqual(2);
				expect(d.consultants.length, d.code).toBeGreaterThanOrEqual(2);
			}
			expect(departments.facility!.name).toBe('Facility Support');
			expect(topic('facility', 'Facility repair consultation')).toMatchObject({
				name: 'Facility repair consultation',
				names: { ko: '시설 보수 상담', en: 'Facility repair consultation' },
				durationMinutes: 30,
				modes: ['visit', 'video', 'phone'],
				openLimitPerSchool: 3,
				requiresConfirmation: false
			});
			expect(topic('mediation', 'School violence case consultation').requiresConfirmation).toBe(true);
			const korean = await request.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { 'accept-language': 'ko' } });
			const names = ((await (await korean.get('/api/v1/departments')).json()).departments as Department[]).map((d) => d.name);
			expect(names).toEqual(expect.arrayContaining(['교육지원부', '행정지원부', '화해조정부', '시설지원부']));
			await korean.dispose();
		});

		test('offers free slots in Seoul time; refuses a bad range (422) and an unknown topic or one of another department (404)', async () => {
			const anonymous = await request.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { 'accept-language': 'en' } });
			const repair = topic('facility', 'Facility repair consultation');
			const slots = await slotsOf(anonymous, 'facility', repair);
			expect(slots.length).toBeGreaterThan(0);
			for (const s of slots.slice(0, 20)) {
				expect(s.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+09:00$/);
				expect(at(s.end) - at(s.start)).toBe(30 * 60_000);
				expect(s.consultants).toBe(s.consultantIds.length);
				expect(s.consultants).toBeGreaterThan(0);
			}
			// A chosen consultant's slots are theirs only; a mode the topic does not offer has none.
			const someone = departments.facility!.consultants[0]!.id;
			expect((await slotsOf(anonymous, 'facility', repair, { consultant: someone })).every((s) => s.consultantIds.join() === someone)).toBe(true);
			expect(await slotsOf(anonymous, 'administration', topic('administration', 'Service rules and personnel'), { mode: 'visit' })).toEqual([]);

			const facility = departments.facility!.id;
			const get = (department: string, query: Record<string, string>) => anonymous.get(`/api/v1/departments/${department}/slots?${new URLSearchParams(query)}`);
			const bads: Record<string, string>[] = [
				{ topic: repair.id, from: seoulDay(0), to: seoulDay(70) },
				{ topic: repair.id, from: seoulDay(10), to: seoulDay(3) },
				{ topic: repair.id, from: 'tomorrow', to: seoulDay(3) },
				{ topic: repair.id, from: seoulDay(0), to: seoulDay(3), mode: 'letter' },
				{ from: seoulDay(0), to: seoulDay(3) }
			];
			for (const bad of bads) {
				const response = await get(facility, bad);
				expect(response.status(), JSON.stringify(bad)).toBe(422);
				const problem: Problem = await response.json();
				expect(problem.type).toBe('/api/v1/problems/validation');
				expect(problem.violations!.length).toBeGreaterThan(0);
			}
			expect((await (await get(facility, { topic: repair.id, from: seoulDay(0), to: seoulDay(70) })).json()).violations[0].rule).toBe('to');
			const range = { from: seoulDay(0), to: seoulDay(7) };
			for (const [department, topicId] of [
				[facility, crypto.randomUUID()],
				[facility, topic('education', 'Curriculum consulting').id],
				[crypto.randomUUID(), repair.id]
			] as const) {
				const response = await get(department, { topic: topicId, ...range });
				expect(response.status()).toBe(404);
				expect(response.headers()['content-type']).toContain('application/problem+json');
			}
			await anonymous.dispose();
		});

		test('a school books: 201 with a C-<year>-NNNN reference; the same Idempotency-Key gives the same answer again', async () => {
			const school = await otherSchool(server.baseURL);
			const repair = topic('facility', 'Facility repair consultation');
			const [slot] = await slotsOf(school, 'facility', repair, { mode: 'video' });
			const body = { topicId: repair.id, start: slot!.start, mode: 'video', description: '체육관 바닥 보수 범위를 상의하고 싶습니다.' };

			const anonymous = await request.newContext({ baseURL: server.baseURL });
			expect((await book(anonymous, body)).status()).toBe(401);
			await anonymous.dispose();
			const keyless = await school.post('/api/v1/consultations', { data: body });
			expect(keyless.status()).toBe(422);
			expect((await keyless.json()).violations[0].rule).toBe('Idempotency-Key');

			const once = key();
			const created = await book(school, body, once);
			expect(created.status(), await created.text()).toBe(201);
			const booking = await created.json();
			expect(booking).toMatchObject({ mode: 'video', status: 'confirmed' });
			expect(booking.reference).toMatch(/^C-\d{4}-\d{4}$/);
			expect(at(booking.start)).toBe(at(slot!.start));
			expect(at(booking.end)).toBe(at(slot!.end));
			expect(booking.roomId).toBeUndefined();

			const replay = await book(school, body, once);
			expect(replay.status()).toBe(201);
			expect(await replay.json()).toEqual(booking);
			const reused = await book(school, { ...body, description: '다른 내용' }, once);
			expect(reused.status()).toBe(409);

			// Its school sees it (the description in the one, never in the list); its department too.
			const mine = await school.get(`/api/v1/consultations/${booking.id}`);
			expect(mine.status()).toBe(200);
			const view = await mine.json();
			expect(view).toMatchObject({ id: booking.id, reference: booking.reference, description: body.description, department: { code: 'facility' } });
			expect(view).not.toHaveProperty('outcomeNote');
			const list = (await (await school.get('/api/v1/consultations')).json()).consultations as { id: string }[];
			expect(list.find((c) => c.id === booking.id)).not.toHaveProperty('description');
			const staff = await signedIn(server.baseURL, 'facility-support2@center.test');
			expect((await (await staff.get(`/api/v1/consultations/${booking.id}`)).json()).description).toBe(body.description);
			expect(((await (await staff.get('/api/v1/consultations')).json()).consultations as { id: string }[]).map((c) => c.id)).toContain(booking.id);
			await Promise.all([school.dispose(), staff.dispose()]);
		});

		test('another school, another department and an admin get the 404 of a missing consultation', async () => {
			const school = await otherSchool(server.baseURL);
			const safety = topic('facility', 'Safety inspection');
			const [slot] = await slotsOf(school, 'facility', safety, { mode: 'phone' });
			const created = await book(school, { topicId: safety.id, start: slot!.start, mode: 'phone', description: '안전점검 일정 문의' });
			expect(created.status(), await created.text()).toBe(201);
			const { id } = await created.json();

			const other = await signedIn(server.baseURL, SCHOOL);
			const edu = await signedIn(server.baseURL, 'edu@center.test');
			const admin = await signedIn(server.baseURL, 'admin@center.test');
			for (const stranger of [other, edu, admin]) {
				const response = await stranger.get(`/api/v1/consultations/${id}`);
				expect(response.status()).toBe(404);
				expect((await response.json()).type).toBe('/api/v1/problems/not-found');
				expect((await stranger.post(`/api/v1/consultations/${id}/cancel`, { data: { reason: 'x' } })).status()).toBe(404);
			}
			expect((await other.get(`/api/v1/consultations/${crypto.randomUUID()}`)).status()).toBe(404);
			for (const stranger of [other, edu]) {
				const list = (await (await stranger.get('/api/v1/consultations')).json()).consultations as { id: string }[];
				expect(list.map((c) => c.id)).not.toContain(id);
			}
			expect((await admin.get('/api/v1/consultations')).status()).toBe(403);
			// Only a school user books.
			expect((await book(edu, { topicId: safety.id, start: slot!.start, mode: 'phone', description: 'x' })).status()).toBe(403);
			await Promise.all([school.dispose(), other.dispose(), edu.dispose(), admin.dispose()]);
		});

		test('a chosen consultant’s slot taken meanwhile answers 409 with the next free slots', async () => {
			const school = await otherSchool(server.baseURL);
			const other = await signedIn(server.baseURL, SCHOOL);
			const safety = topic('facility', 'Safety inspection');
			const slots = await slotsOf(school, 'facility', safety, { mode: 'video' });
			const slot = slots[3]!;
			const body = { topicId: safety.id, start: slot.start, mode: 'video', description: '소방 설비 점검', consultantId: slot.consultantIds[0] };
			expect((await book(school, body)).status()).toBe(201);
			const refused = await book(other, body);
			expect(refused.status()).toBe(409);
			const problem: Problem = await refused.json();
			expect(problem.type).toBe('/api/v1/problems/conflict');
			expect(problem.title).toBe('Another school has just booked this time. Choose one of the other times below.');
			// The clash names the time, not whose consultant it is.
			expect((problem as { conflicts?: object[] }).conflicts).toEqual([{ start: new Date(slot.start).toISOString(), end: expect.any(String) }]);
			expect(problem.alternatives!.length).toBeGreaterThan(0);
			expect(problem.alternatives!.map((a) => at(a.start))).not.toContain(at(slot.start));
			// An alternative is bookable.
			const next = await book(other, { ...body, start: problem.alternatives![0]!.start });
			expect(next.status(), await next.text()).toBe(201);
			await Promise.all([school.dispose(), other.dispose()]);
		});

		test('422 lists what the rules refuse: a mode not offered, a time not offered, malformed fields, the open-consultation limit', async () => {
			const school = await otherSchool(server.baseURL);
			const personnel = topic('administration', 'Service rules and personnel');
			const [slot] = await slotsOf(school, 'administration', personnel, { mode: 'phone' });
			const rules = async (body: Record<string, unknown>) => {
				const response = await book(school, body);
				expect(response.status(), JSON.stringify(body)).toBe(422);
				const problem: Problem = await response.json();
				expect(problem.type).toBe('/api/v1/problems/validation');
				return problem.violations!.map((v) => v.rule);
			};
			expect(await rules({ topicId: personnel.id, start: slot!.start, mode: 'visit', description: '복무 문의' })).toContain('mode');
			expect(await rules({ topicId: personnel.id, start: `${seoulDay(14)}T03:00:00+09:00`, mode: 'phone', description: '복무 문의' })).toContain('start');
			expect((await rules({ start: 'soon', mode: 'letter', description: 'x'.repeat(1001) })).sort()).toEqual(['description', 'mode', 'start', 'topicId']);

			const accounts = topic('administration', 'Accounting and contracts');
			const limit = accounts.openLimitPerSchool!;
			const free = await slotsOf(school, 'administration', accounts, { mode: 'phone' });
			for (let i = 0; i < limit; i++) {
				const response = await book(school, { topicId: accounts.id, start: free[i * 4]!.start, mode: 'phone', description: `계약 문의 ${i}` });
				expect(response.status(), await response.text()).toBe(201);
			}
			const over = await rules({ topicId: accounts.id, start: free[limit * 4]!.start, mode: 'phone', description: '한 번 더' });
			expect(over).toEqual(['openLimit']);
			await school.dispose();
		});

		test('the department confirms, reschedules, writes a note and cancels with a reason; completing a future one is refused', async () => {
			const school = await otherSchool(server.baseURL);
			const staff = await signedIn(server.baseURL, 'mediation@center.test');
			const edu = await signedIn(server.baseURL, 'edu@center.test');
			const cases = topic('mediation', 'School violence case consultation');
			const slots = await slotsOf(school, 'mediation', cases, { mode: 'phone' });
			const first = slots[0]!;
			const consultantId = first.consultantIds[0]!;
			const created = await book(school, { topicId: cases.id, start: first.start, mode: 'phone', description: '학생 간 갈등 사안 상담', consultantId });
			expect(created.status(), await created.text()).toBe(201);
			const { id, status } = await created.json();
			expect(status).toBe('requested');
			const action = (who: APIRequestContext, name: string, data?: unknown) => who.post(`/api/v1/consultations/${id}/${name}`, data === undefined ? {} : { data });

			expect((await action(school, 'confirm')).status()).toBe(403);
			expect((await action(edu, 'confirm')).status()).toBe(404);
			const confirmed = await action(staff, 'confirm');
			expect(confirmed.status(), await confirmed.text()).toBe(200);
			expect(await confirmed.json()).toMatchObject({ id, status: 'confirmed' });
			expect((await action(staff, 'confirm')).status()).toBe(409);

			// Another slot of the same consultant, on another day.
			const later = (await slotsOf(staff, 'mediation', cases, { mode: 'phone', consultant: consultantId })).find((s) => s.start.slice(0, 10) !== first.start.slice(0, 10))!;
			const moved = await action(staff, 'reschedule', { start: later.start });
			expect(moved.status(), await moved.text()).toBe(200);
			expect(at((await moved.json()).start)).toBe(at(later.start));
			const notOffered = await action(staff, 'reschedule', { start: `${later.start.slice(0, 10)}T03:00:00+09:00` });
			expect(notOffered.status()).toBe(422);
			expect((await notOffered.json()).violations[0].rule).toBe('start');
			expect((await action(staff, 'reschedule', { start: 'later' })).status()).toBe(422);

			// Completing or a no-show before the time is refused (the time cannot pass in this test).
			for (const name of ['complete', 'no-show']) {
				const refused = await action(staff, name);
				expect(refused.status(), name).toBe(409);
				expect((await refused.json()).type).toBe('/api/v1/problems/conflict');
			}
			expect((await action(school, 'complete')).status()).toBe(403);

			const note = await staff.put(`/api/v1/consultations/${id}/note`, { data: { note: '양측 면담 일정 조율 예정' } });
			expect(note.status(), await note.text()).toBe(200);
			expect((await note.json()).outcomeNote).toBe('양측 면담 일정 조율 예정');
			expect((await school.put(`/api/v1/consultations/${id}/note`, { data: { note: '학교가 쓴 메모' } })).status()).toBe(403);
			expect((await staff.put(`/api/v1/consultations/${id}/note`, { data: {} })).status()).toBe(422);
			expect(await (await school.get(`/api/v1/consultations/${id}`)).json()).not.toHaveProperty('outcomeNote');

			const noReason = await action(staff, 'cancel');
			expect(noReason.status()).toBe(422);
			expect((await noReason.json()).violations.map((v: { rule: string }) => v.rule)).toEqual(['reason']);
			const cancelled = await action(staff, 'cancel', { reason: '담당자 출장으로 부득이 취소합니다.' });
			expect(cancelled.status(), await cancelled.text()).toBe(200);
			expect(await cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '담당자 출장으로 부득이 취소합니다.' });
			expect((await action(school, 'cancel')).status()).toBe(409);
			await Promise.all([school.dispose(), staff.dispose(), edu.dispose()]);
		});

		test('the department reassigns to a colleague free then, never to another department’s consultant; the school cancels its own', async () => {
			const school = await otherSchool(server.baseURL);
			const staff = await signedIn(server.baseURL, 'edu2@center.test');
			const curriculum = topic('education', 'Curriculum consulting');
			const slots = await slotsOf(school, 'education', curriculum, { mode: 'video' });
			// Monday mornings both education consultants work.
			const shared = slots.find((s) => s.consultantIds.length >= 2 && seoulWeekday(s.start) === 1)!;
			expect(shared).toBeTruthy();
			const [from, to] = shared.consultantIds as [string, string];
			const created = await book(school, { topicId: curriculum.id, start: shared.start, mode: 'video', description: '2학기 교육과정 편성', consultantId: from });
			expect(created.status(), await created.text()).toBe(201);
			const { id } = await created.json();

			expect((await school.post(`/api/v1/consultations/${id}/reassign`, { data: { consultantId: to } })).status()).toBe(403);
			const foreign = await staff.post(`/api/v1/consultations/${id}/reassign`, { data: { consultantId: departments.facility!.consultants[0]!.id } });
			expect(foreign.status()).toBe(422);
			expect((await foreign.json()).violations[0].rule).toBe('consultantId');
			const reassigned = await staff.post(`/api/v1/consultations/${id}/reassign`, { data: { consultantId: to } });
			expect(reassigned.status(), await reassigned.text()).toBe(200);
			expect((await reassigned.json()).consultant.id).toBe(to);

			// The school cancels its own before the cutoff, without a reason (no body at all).
			const cancelled = await school.post(`/api/v1/consultations/${id}/cancel`);
			expect(cancelled.status(), await cancelled.text()).toBe(200);
			expect((await cancelled.json()).status).toBe('cancelled');
			await Promise.all([school.dispose(), staff.dispose()]);
		});

		test('the OpenAPI document lists every consultation endpoint', async () => {
			const anonymous = await request.newContext({ baseURL: server.baseURL });
			const document = await (await anonymous.get('/api/v1/openapi.json')).json();
			expect(Object.keys(document.paths)).toEqual(
				expect.arrayContaining([
					'/api/v1/departments',
					'/api/v1/departments/{id}/slots',
					'/api/v1/consultations',
					'/api/v1/consultations/{id}',
					'/api/v1/consultations/{id}/cancel',
					'/api/v1/consultations/{id}/reschedule',
					'/api/v1/consultations/{id}/confirm',
					'/api/v1/consultations/{id}/reassign',
					'/api/v1/consultations/{id}/complete',
					'/api/v1/consultations/{id}/no-show',
					'/api/v1/consultations/{id}/note'
				])
			);
			expect(document.paths['/api/v1/consultations'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ConsultationRequest');
			expect(document.paths['/api/v1/consultations/{id}/note'].put).toBeTruthy();
			await anonymous.dispose();
		});
	});
}

/** A user of 도담초등학교 (not the demo school), invited by the admin through the real form, signed in by accepting the invitation. */
const others = new Map<string, Promise<string>>();
async function otherSchool(baseURL: string): Promise<APIRequestContext> {
	if (!others.has(baseURL)) others.set(baseURL, inviteOtherSchoolUser(baseURL));
	const email = await others.get(baseURL)!;
	const context = await request.newContext({ baseURL, extraHTTPHeaders: { 'accept-language': 'en' } });
	const response = await context.post('/api/v1/session', { data: { email, password: PASSWORD } });
	expect(response.status(), `sign-in of ${email}`).toBe(201);
	return context;
}

async function inviteOtherSchoolUser(baseURL: string): Promise<string> {
	const admin = await signedIn(baseURL, 'admin@center.test', 'ko');
	const form = await (await admin.get('/admin/users/new')).text();
	const schoolId = form.match(/<option value="([0-9a-f-]{36})"[^>]*>도담초등학교</)?.[1];
	expect(schoolId, 'the other school in the form').toBeTruthy();
	const email = `consult-api-${crypto.randomUUID().slice(0, 8)}@dodam.test`;
	const invited = await admin.post('/admin/users/new', {
		form: { name: '도담초 상담 담당', email, role: 'school_user', departmentId: '', schoolId: schoolId! },
		headers: { origin: baseURL, accept: 'text/html' }
	});
	expect(invited.status()).toBe(200);
	const link = (await invited.text()).match(new RegExp(`${baseURL}/invite/[A-Za-z0-9_-]+`))?.[0];
	expect(link, 'invitation link').toBeTruthy();
	await admin.dispose();
	const invitee = await request.newContext({ baseURL });
	const accepted = await invitee.post(link!, { form: { password: PASSWORD, confirm: PASSWORD, consent: 'on' }, headers: { origin: baseURL }, maxRedirects: 0 });
	expect(accepted.status(), await accepted.text()).toBeLessThan(400);
	await invitee.dispose();
	return email;
}
