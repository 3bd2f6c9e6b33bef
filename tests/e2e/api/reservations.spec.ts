import { expect, request, test } from '@playwright/test';
import { futureWeekday, seoul, SERVERS, signedIn } from './servers';

type Room = { id: string; name: string; capacity: number; requiresApproval: boolean };

for (const server of SERVERS) {
	test.describe(`reservations API on ${server.name}`, () => {
		let rooms: Record<string, Room>;

		test.beforeAll(async () => {
			const anonymous = await request.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { 'accept-language': 'en' } });
			const body = await (await anonymous.get('/api/v1/rooms')).json();
			rooms = Object.fromEntries((body.rooms as Room[]).map((r) => [r.name, r]));
			await anonymous.dispose();
		});

		test('lists the rooms in the language asked for', async () => {
			expect(Object.keys(rooms)).toContain('Seminar Hall');
			expect(rooms['Seminar Hall']).toMatchObject({ capacity: 150, requiresApproval: true });
			const korean = await request.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { 'accept-language': 'ko' } });
			const names = ((await (await korean.get('/api/v1/rooms')).json()).rooms as Room[]).map((r) => r.name);
			expect(names).toContain('대강당');
			await korean.dispose();
		});

		test('asks for a session before booking (401)', async () => {
			const anonymous = await request.newContext({ baseURL: server.baseURL });
			const response = await anonymous.post('/api/v1/reservations', {
				headers: { 'idempotency-key': 'anonymous-0001' },
				data: { roomId: rooms['Meeting Room A']!.id, start: seoul('2026-12-01', '10:00'), end: seoul('2026-12-01', '11:00'), purpose: 'x', attendees: 2 }
			});
			expect(response.status()).toBe(401);
			await anonymous.dispose();
		});

		test('lets exactly one of 50 simultaneous requests for the same room and time win', async () => {
			const staff = await signedIn(server.baseURL, 'edu@center.test');
			const date = futureWeekday(3, 2);
			const roomId = rooms['Meeting Room B']!.id;
			const body = { roomId, start: seoul(date, '10:00'), end: seoul(date, '11:00'), purpose: 'race', attendees: 3 };
			const responses = await Promise.all(
				Array.from({ length: 50 }, (_, i) =>
					staff.post('/api/v1/reservations', { headers: { 'idempotency-key': `race-${server.name}-${i}-${date}` }, data: body })
				)
			);
			const statuses = responses.map((r) => r.status());
			expect(statuses.filter((s) => s === 201)).toHaveLength(1);
			expect(statuses.filter((s) => s === 409)).toHaveLength(49);
			const refused = await responses.find((r) => r.status() === 409)!.json();
			expect(refused.type).toBe('/api/v1/problems/conflict');
			expect(refused.conflicts).toEqual([{ start: new Date(body.start).toISOString(), end: new Date(body.end).toISOString() }]);
			expect(refused.alternatives.length).toBeGreaterThan(0);

			const day = await (await staff.get(`/api/v1/availability?date=${date}`)).json();
			const busy = day.rooms.find((r: { id: string }) => r.id === roomId).busy;
			expect(busy).toHaveLength(1);
			await staff.dispose();
		});

		test('returns the first answer to 50 simultaneous requests with the same Idempotency-Key', async () => {
			const school = await signedIn(server.baseURL, 'school@center.test');
			const date = futureWeekday(4, 2);
			const roomId = rooms['Meeting Room A']!.id;
			const body = { roomId, start: seoul(date, '14:00'), end: seoul(date, '15:30'), purpose: '학부모 상담 주간 협의', attendees: 6 };
			const key = `same-key-${server.name}-${date}`;
			const responses = await Promise.all(
				Array.from({ length: 50 }, () => school.post('/api/v1/reservations', { headers: { 'idempotency-key': key }, data: body }))
			);
			expect(responses.map((r) => r.status())).toEqual(Array(50).fill(201));
			const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).id)));
			expect(ids.size).toBe(1);

			const reused = await school.post('/api/v1/reservations', {
				headers: { 'idempotency-key': key },
				data: { ...body, attendees: 7 }
			});
			expect(reused.status()).toBe(409);

			const day = await (await school.get(`/api/v1/rooms/${roomId}/availability?from=${date}&to=${date}`)).json();
			expect(day.busy.filter((b: { mine?: boolean }) => b.mine)).toHaveLength(1);
			await school.dispose();
		});

		test('lists every broken rule as 422 violations, with alternatives', async () => {
			const school = await signedIn(server.baseURL, 'school@center.test');
			const saturday = futureWeekday(6, 2);
			const response = await school.post('/api/v1/reservations', {
				headers: { 'idempotency-key': `rules-${server.name}-${saturday}` },
				data: { roomId: rooms['Meeting Room A']!.id, start: seoul(saturday, '08:15'), end: seoul(saturday, '08:30'), purpose: 'x', attendees: 99 }
			});
			expect(response.status()).toBe(422);
			const problem = await response.json();
			expect(problem.type).toBe('/api/v1/problems/validation');
			expect(problem.violations.map((v: { rule: string }) => v.rule)).toEqual(['opening_hours', 'granularity', 'length', 'capacity']);
			expect(problem.violations[0].message).toContain('closed');
			await school.dispose();
		});

		test('a school request for a room needing approval holds the time; staff approve; anonymous callers see busy only', async () => {
			const school = await signedIn(server.baseURL, 'school@center.test');
			const facility = await signedIn(server.baseURL, 'facility@center.test');
			const date = futureWeekday(2, 3);
			const roomId = rooms['Computer Training Room']!.id;
			const created = await school.post('/api/v1/reservations', {
				headers: { 'idempotency-key': `approval-${server.name}-${date}` },
				data: { roomId, start: seoul(date, '13:00'), end: seoul(date, '15:00'), purpose: '정보 연수', attendees: 20 }
			});
			expect(created.status()).toBe(201);
			const booking = await created.json();
			expect(booking.status).toBe('requested');

			expect((await school.post(`/api/v1/reservations/${booking.id}/approve`)).status()).toBe(403);
			const approved = await facility.post(`/api/v1/reservations/${booking.id}/approve`);
			expect(approved.status()).toBe(200);
			expect((await approved.json()).status).toBe('confirmed');

			const anonymous = await request.newContext({ baseURL: server.baseURL });
			const day = await (await anonymous.get(`/api/v1/availability?date=${date}`)).json();
			const busy = day.rooms.find((r: { id: string }) => r.id === roomId).busy;
			// 30-minute clean-up buffer is part of the held time; no purpose, no id for strangers.
			expect(busy).toEqual([
				{
					start: new Date(seoul(date, '13:00')).toISOString(),
					end: new Date(seoul(date, '15:30')).toISOString(),
					bookingStart: new Date(seoul(date, '13:00')).toISOString(),
					bookingEnd: new Date(seoul(date, '15:00')).toISOString()
				}
			]);
			await Promise.all([school.dispose(), facility.dispose(), anonymous.dispose()]);
		});
	});
}
