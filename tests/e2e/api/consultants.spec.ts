import { expect, request, test } from '@playwright/test';
import { futureWeekday, signedIn } from './servers';

/**
 * A consultant's availability through the API (department staff): the department's lead reads and
 * writes anyone of it, a consultant their own, a colleague's is 403, another department's 404.
 * The hours are written back as read (other specs book these consultants at the same time), and
 * the exception is added far ahead and removed again.
 */
const BASE = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

type Consultant = { id: string; name: string };

test('availability of a consultant: read, write back, an exception added and removed; who may', async () => {
	const lead = await signedIn(BASE, 'facility-support@center.test');
	const departments = (await (await lead.get('/api/v1/departments')).json()).departments as { code: string; consultants: Consultant[] }[];
	const facility = departments.find((d) => d.code === 'facility')!.consultants;
	const education = departments.find((d) => d.code === 'education')!.consultants;
	expect(facility.length).toBeGreaterThanOrEqual(2);

	const answers = await Promise.all(facility.map((c) => lead.get(`/api/v1/consultants/${c.id}/availability`)));
	expect(answers.map((a) => a.status())).toEqual(facility.map(() => 200));
	const colleague = facility[1]!;
	const read = await answers[facility.indexOf(colleague)]!.json();
	expect(read.hours.length).toBeGreaterThan(0);
	expect(read.hours[0]).toMatchObject({ weekday: expect.any(Number), start: expect.stringMatching(/^\d\d:\d\d$/), end: expect.stringMatching(/^\d\d:\d\d$/) });
	expect(read.workingDays).toHaveLength(14);

	// Written back unchanged; refused when off the grid or overlapping, nothing changed then.
	expect((await lead.put(`/api/v1/consultants/${colleague.id}/hours`, { data: { hours: read.hours } })).status()).toBe(200);
	const refused = await lead.put(`/api/v1/consultants/${colleague.id}/hours`, {
		data: { hours: [{ weekday: 2, start: '14:10', end: '15:00' }, { weekday: 3, start: '10:00', end: '12:00' }, { weekday: 3, start: '11:00', end: '13:00' }] }
	});
	expect(refused.status()).toBe(422);
	expect((await refused.json()).violations.length).toBe(2);
	expect((await (await lead.get(`/api/v1/consultants/${colleague.id}/availability`)).json()).hours).toEqual(read.hours);

	// An exception far ahead, then removed.
	const date = futureWeekday(3, 40);
	const added = await lead.post(`/api/v1/consultants/${colleague.id}/exceptions`, { data: { date, kind: 'off_hours', start: '14:00', end: '15:00', note: '연수 참석' } });
	expect(added.status(), await added.text()).toBe(201);
	const { id } = await added.json();
	const listed = (await (await lead.get(`/api/v1/consultants/${colleague.id}/availability`)).json()).exceptions;
	expect(listed).toContainEqual({ id, date, kind: 'off_hours', start: '14:00', end: '15:00', note: '연수 참석' });
	expect((await lead.post(`/api/v1/consultants/${colleague.id}/exceptions`, { data: { date: '2020-01-06', kind: 'off_day' } })).status()).toBe(422);
	expect((await lead.delete(`/api/v1/consultants/${colleague.id}/exceptions/${id}`)).status()).toBe(204);
	expect((await lead.delete(`/api/v1/consultants/${colleague.id}/exceptions/${id}`)).status()).toBe(404);

	// The colleague reads their own, not the lead's; another department's staff get 404; no session, 401.
	const second = await signedIn(BASE, 'facility-support2@center.test');
	const own = facility.find((c) => c.id !== colleague.id)!;
	const ownAnswer = await second.get(`/api/v1/consultants/${colleague.id}/availability`);
	const otherAnswer = await second.get(`/api/v1/consultants/${own.id}/availability`);
	expect([ownAnswer.status(), otherAnswer.status()].sort()).toEqual([200, 403]);
	const edu = await signedIn(BASE, 'edu@center.test');
	expect((await edu.get(`/api/v1/consultants/${colleague.id}/availability`)).status()).toBe(404);
	expect((await edu.get(`/api/v1/consultants/${education[0]!.id}/availability`)).status()).toBe(200);
	const nobody = await request.newContext({ baseURL: BASE });
	expect((await nobody.get(`/api/v1/consultants/${colleague.id}/availability`)).status()).toBe(401);
	for (const c of [lead, second, edu, nobody]) await c.dispose();
});
