import { beforeAll, describe, expect, it } from 'vitest';
import * as facilityRooms from '../../src/lib/server/facility/rooms';
import { load } from '../../src/routes/(public)/rooms/[id=uuid]/+page.server';
import { actor, roomIdsByCode, seedDemoCenter } from './fixtures';

let roomId: string;
let schoolIds: string[];

beforeAll(async () => {
	await seedDemoCenter();
	roomId = (await roomIdsByCode())['meeting-a']!;
	// Facility staff restrict the room to two schools.
	const facility = await actor('facility@center.test');
	schoolIds = (await facilityRooms.listSchoolsForRules()).slice(0, 2).map((s) => s.id);
	const managed = await facilityRooms.getRoom(facility, roomId);
	await facilityRooms.saveRules(facility, roomId, { ...facilityRooms.rulesAsInput(managed.rules), allowedSchoolIds: schoolIds, allowedRoles: ['school_user'] });
	expect((await facilityRooms.getRoom(facility, roomId)).rules.allowedSchoolIds.sort()).toEqual([...schoolIds].sort());
});

type LoadEvent = Parameters<typeof load>[0];
const pageData = async (user: Awaited<ReturnType<typeof actor>> | null) =>
	(await load({ params: { id: roomId }, locals: { user } } as unknown as LoadEvent)) as Record<string, unknown>;

describe('the public room page data (/rooms/{id}/__data.json)', () => {
	it('gives an anonymous visitor the public facts and rules, without the schools allowed to book or the role list', async () => {
		const data = await pageData(null);
		const text = JSON.stringify(data);
		for (const id of schoolIds) expect(text).not.toContain(id);
		expect(text).not.toContain('allowedSchoolIds');
		expect(text).not.toContain('allowedRoles');
		expect(data).toMatchObject({ room: { nameKo: expect.any(String), capacity: expect.any(Number) }, rules: { granularityMinutes: expect.any(Number) } });
	});

	it('gives a signed-in school user no more than that', async () => {
		const text = JSON.stringify(await pageData(await actor('school@center.test')));
		for (const id of schoolIds) expect(text).not.toContain(id);
		expect(text).not.toContain('allowedSchoolIds');
	});
});
