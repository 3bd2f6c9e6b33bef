import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { SERVERS } from './servers';

/**
 * The opening rush over HTTP, on each database: a 100-seat session opening at a fixed instant
 * (the app's TEST_CLOCK), 300 registrations fired at once → every one answered, none a 5xx,
 * exactly 100 confirmed and 200 waiting with places 1..200 without gaps or repeats; a retry with
 * the same Idempotency-Key gets the first answer; 30 cancellations at once promote exactly 30
 * people in order; (the rush of 1,500 for 500 seats is timed by `npm run bench:trainings`) the same person sent to two sessions of the programme at once holds one.
 */
const OPENS = '2027-06-01T10:00:00+09:00';
const clockCookie = (at: string) => ({ name: 'test-clock', value: new Date(at).toISOString(), domain: 'localhost', path: '/', expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' as const });

async function at(baseURL: string, time: string, email: string): Promise<APIRequestContext> {
	const context = await request.newContext({ baseURL, extraHTTPHeaders: { 'accept-language': 'en' }, storageState: { cookies: [clockCookie(time)], origins: [] } });
	expect((await context.post('/api/v1/session', { data: { email, password: 'center-demo' } })).status()).toBe(201);
	return context;
}

const session = (day: string, capacity: number) => ({
	start: `${day}T14:00:00+09:00`,
	end: `${day}T17:00:00+09:00`,
	venue: { name: '충청남도교육연수원 대강당', address: '충청남도 공주시 연수원길 1' },
	capacity,
	region: 'chungnam',
	opensAt: OPENS,
	closesAt: '2027-06-20T18:00:00+09:00'
});

for (const server of SERVERS) {
	test.describe(`trainings on ${server.name}`, () => {
		test.describe.configure({ timeout: 120_000 });

		test('300 registrations at the opening instant for 100 seats: all answered, exactly 100 seats, 200 in line without gaps; 30 cancellations promote 30 in order', async () => {
			const staff = await at(server.baseURL, '2027-05-20T09:00:00+09:00', 'edu@center.test');
			const created = await staff.post('/api/v1/trainings', {
				data: { title: { ko: '학생맞춤통합지원 관리자 연수', en: 'Leaders’ training' }, department: 'education', audience: ['principal'], sessions: [session('2027-06-24', 100), session('2027-06-25', 50)] }
			});
			expect(created.status(), await created.text()).toBe(201);
			const [big, other] = (await created.json()).sessions as { id: string }[];

			const school = await at(server.baseURL, OPENS, 'school@center.test');
			const early = await (await at(server.baseURL, '2027-06-01T09:59:00+09:00', 'school@center.test')).post(`/api/v1/trainings/sessions/${big!.id}/registrations`, {
				headers: { 'idempotency-key': `early-${crypto.randomUUID()}` },
				data: { participants: [{ name: '이른 신청', position: '교감', email: 'early@school.kr' }] }
			});
			expect(early.status()).toBe(422);

			const keys = Array.from({ length: 300 }, () => crypto.randomUUID());
			const post = (i: number) =>
				school.post(`/api/v1/trainings/sessions/${big!.id}/registrations`, {
					headers: { 'idempotency-key': keys[i]! },
					data: { participants: [{ name: `참가자 ${i}`, position: '교감', email: `rush-${server.name}-${i}@school.kr` }] }
				});
			const started = Date.now();
			const answers = await Promise.all(keys.map((_, i) => post(i)));
			console.log(`${server.name}: 300 registrations answered in ${Date.now() - started} ms`);
			expect(answers.map((a) => a.status()).filter((s) => s !== 201)).toEqual([]);
			const registered = (await Promise.all(answers.map((a) => a.json()))).map((b) => b.registrations[0]);
			expect(registered.filter((r) => r.status === 'confirmed')).toHaveLength(100);
			expect(registered.filter((r) => r.status === 'waitlisted').map((r) => r.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
			// A retry with a key already answered gets that answer again: no second registration.
			const retry = await post(0);
			expect(retry.status()).toBe(201);
			expect((await retry.json()).registrations[0].id).toBe(registered[0].id);

			const listed = (await (await school.get('/api/v1/trainings')).json()).programmes.flatMap((p: { sessions: { id: string }[] }) => p.sessions);
			expect(listed.find((s: { id: string }) => s.id === big!.id)).toMatchObject({ capacity: 100, confirmed: 100, waiting: 200 });

			const seated = registered.filter((r) => r.status === 'confirmed').slice(0, 30);
			const cancelled = await Promise.all(seated.map((r) => school.post(`/api/v1/trainings/registrations/${r.id}/cancel`)));
			expect(cancelled.map((c) => c.status()).filter((s) => s !== 200)).toEqual([]);
			const promoted = (await Promise.all(cancelled.map((c) => c.json()))).map((c) => c.promoted.email);
			const waitingOrder = registered.filter((r) => r.status === 'waitlisted').sort((a, b) => a.position - b.position).map((r) => r.email);
			expect(promoted.sort()).toEqual(waitingOrder.slice(0, 30).sort());
			expect((await (await school.get('/api/v1/trainings')).json()).programmes.flatMap((p: { sessions: { id: string }[] }) => p.sessions).find((s: { id: string }) => s.id === big!.id)).toMatchObject({ confirmed: 100, waiting: 170 });

			// One person, one session of the programme: sent to both at once, one holds it, the other is 409.
			const same = { participants: [{ name: '김교장', position: '교장', email: `principal-${server.name}@school.kr` }] };
			const both = await Promise.all([big!, other!].map((s) => school.post(`/api/v1/trainings/sessions/${s.id}/registrations`, { headers: { 'idempotency-key': crypto.randomUUID() }, data: same })));
			expect(both.map((b) => b.status()).sort()).toEqual([201, 409]);
			for (const c of [staff, school]) await c.dispose();
		});
	});
}
