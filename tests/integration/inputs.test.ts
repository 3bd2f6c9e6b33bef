/**
 * Inputs that once reached a service or the database and answered 500: out-of-range and
 * impossible dates, NUL bytes, prototype keys. Each is refused at parsing with a 4xx, and nothing
 * stored changes. The route handlers are called as SvelteKit calls them.
 */
import { count } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import { beforeAll, describe, expect, it } from 'vitest';
import * as availabilityRoute from '../../src/routes/api/v1/availability/+server';
import * as roomAvailabilityRoute from '../../src/routes/api/v1/rooms/[id=uuid]/availability/+server';
import * as reservationsRoute from '../../src/routes/api/v1/reservations/+server';
import * as moveRoute from '../../src/routes/api/v1/reservations/[id=uuid]/move/+server';
import * as sessionRoute from '../../src/routes/api/v1/session/+server';
import * as boardPage from '../../src/routes/(public)/board/+page.server';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { auditLog, reservation } from '../../src/lib/server/db/schema';
import * as reservations from '../../src/lib/server/rooms/bookings';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;
let school: SessionUser;
let facility: SessionUser;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
	school = await actor('school@center.test');
	facility = await actor('facility@center.test');
});

const ORIGIN = 'http://center.test';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (event: any) => Promise<Response> | Response;

function event(path: string, init: { user?: SessionUser | null; body?: unknown; params?: Record<string, string>; headers?: Record<string, string> } = {}) {
	const url = new URL(path, ORIGIN);
	const hasBody = init.body !== undefined;
	const request = new Request(url, {
		method: hasBody ? 'POST' : 'GET',
		headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...init.headers },
		body: hasBody ? (typeof init.body === 'string' ? init.body : JSON.stringify(init.body)) : undefined
	});
	return {
		url,
		request,
		params: init.params ?? {},
		locals: { user: init.user ?? null, session: null, requestId: 'test-request' },
		cookies: { set() {}, get() {}, delete() {} },
		getClientAddress: () => '127.0.0.1'
	};
}

async function call(handler: Handler, ...args: Parameters<typeof event>) {
	const response = await handler(event(...args));
	return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

async function stored() {
	const [r] = await db.select({ n: count() }).from(reservation);
	const [a] = await db.select({ n: count() }).from(auditLog);
	return { reservations: r!.n, audit: a!.n };
}

const booking = () => ({
	roomId: rooms['meeting-b']!,
	start: '2026-11-26T10:00:00+09:00',
	end: '2026-11-26T11:00:00+09:00',
	purpose: '협의회',
	attendees: 4
});

describe('dates outside 2000–2100', () => {
	it.each(['9999-12-31', '0999-01-01', '1999-12-31', '2101-01-01'])('GET /api/v1/availability?date=%s answers 422, not 500', async (date) => {
		const { status, body } = await call(availabilityRoute.GET as Handler, `/api/v1/availability?date=${date}`);
		expect(status).toBe(422);
		expect(body.type).toBe('/api/v1/problems/validation');
		expect(body.violations).toEqual([{ rule: 'date', message: expect.stringMatching(/2000.*2100/) }]);
	});

	it('refuses a room range that starts in year 9999 or before 1000', async () => {
		for (const query of ['from=9999-12-01&to=9999-12-02', 'from=0999-01-01T00:00:00Z&to=0999-01-02T00:00:00Z']) {
			const { status, body } = await call(roomAvailabilityRoute.GET as Handler, `/api/v1/rooms/x/availability?${query}`, {
				params: { id: rooms['meeting-b']! }
			});
			expect(status).toBe(422);
			expect(body.violations.map((v: { rule: string }) => v.rule)).toEqual(['from', 'to']);
		}
	});

	it('refuses a booking in year 9999 at parsing and stores nothing', async () => {
		clock.freeze(at('2026-11-23', '08:00'));
		const before = await stored();
		const { status, body } = await call(reservationsRoute.POST as Handler, '/api/v1/reservations', {
			user: school,
			headers: { 'idempotency-key': crypto.randomUUID() },
			body: { ...booking(), start: '9999-12-31T10:00:00+09:00', end: '9999-12-31T11:00:00+09:00' }
		});
		expect(status).toBe(422);
		expect(body.violations.map((v: { rule: string }) => v.rule)).toEqual(['start', 'end']);
		expect(await stored()).toEqual(before);
	});

	it('shows the week view of 2000-01-01 (whose Monday is in 1999) from 2000-01-01 instead of failing', async () => {
		const load = boardPage.load as unknown as (e: unknown) => Promise<{ date: string; dateInvalid: boolean; rooms: unknown[] }>;
		const page = await load({ url: new URL('/board?date=2000-01-01&view=week', ORIGIN), locals: { user: null } });
		expect(page.date).toBe('2000-01-01');
		expect(page.dateInvalid).toBe(false);
		expect(page.rooms.length).toBeGreaterThan(0);
	});
});

describe('impossible calendar dates', () => {
	it.each(['2027-06-31', '2027-02-29'])('GET /api/v1/availability?date=%s answers 422', async (date) => {
		const { status } = await call(availabilityRoute.GET as Handler, `/api/v1/availability?date=${date}`);
		expect(status).toBe(422);
	});

	it('refuses to move a booking to 31 June instead of moving it to 1 July', async () => {
		clock.freeze(at('2026-11-23', '08:00'));
		const created = await reservations.create(school, {
			roomId: rooms['meeting-b']!,
			start: at('2026-11-27', '10:00'),
			end: at('2026-11-27', '11:00'),
			purpose: '협의회',
			attendees: 4
		});
		const { status, body } = await call(moveRoute.POST as Handler, `/api/v1/reservations/${created.id}/move`, {
			user: facility,
			params: { id: created.id },
			body: { start: '2027-06-31T10:00:00+09:00', end: '2027-06-31T11:00:00+09:00' }
		});
		expect(status).toBe(422);
		expect(body.violations.map((v: { rule: string }) => v.rule)).toEqual(['start', 'end']);
	});
});

describe('a move through the API from a stale view', () => {
	it('answers 409 booking_moved_meanwhile when "from" is no longer where the booking is, and moves when it is', async () => {
		clock.freeze(at('2026-11-23', '08:00'));
		const created = await reservations.create(school, {
			roomId: rooms['meeting-b']!,
			start: at('2026-11-26', '10:00'),
			end: at('2026-11-26', '11:00'),
			purpose: '협의회',
			attendees: 4
		});
		const from = { start: '2026-11-26T10:00:00+09:00', end: '2026-11-26T11:00:00+09:00', roomId: rooms['meeting-b']! };
		const first = await call(moveRoute.POST as Handler, `/api/v1/reservations/${created.id}/move`, {
			user: facility,
			params: { id: created.id },
			body: { start: '2026-11-26T13:00:00+09:00', end: '2026-11-26T14:00:00+09:00', from }
		});
		expect(first.status).toBe(200);
		const stale = await call(moveRoute.POST as Handler, `/api/v1/reservations/${created.id}/move`, {
			user: facility,
			params: { id: created.id },
			body: { start: '2026-11-26T15:00:00+09:00', end: '2026-11-26T16:00:00+09:00', from }
		});
		expect(stale.status).toBe(409);
		expect(stale.body.title).toBe(m.booking_moved_meanwhile({}, { locale: 'ko' }));
	});
});

describe('NUL bytes and control characters', () => {
	it('refuses a NUL byte in the sign-in e-mail with a field error, not a database error', async () => {
		const { status, body } = await call(sessionRoute.POST as Handler, '/api/v1/session', {
			body: { email: 'school@center.test\u0000', password: 'x' }
		});
		expect(status).toBe(422);
		expect(body.violations).toEqual([{ rule: 'email', message: m.input_control_characters({}, { locale: 'ko' }) }]);
	});

	it('refuses a NUL byte in a booking purpose and stores nothing', async () => {
		clock.freeze(at('2026-11-23', '08:00'));
		const before = await stored();
		const { status, body } = await call(reservationsRoute.POST as Handler, '/api/v1/reservations', {
			user: school,
			headers: { 'idempotency-key': crypto.randomUUID() },
			body: { ...booking(), purpose: '협의\u0000회' }
		});
		expect(status).toBe(422);
		expect(body.violations.map((v: { rule: string }) => v.rule)).toEqual(['purpose']);
		expect(await stored()).toEqual(before);
	});
});

describe('prototype keys', () => {
	it.each(['constructor', '__proto__'])('refuses the recurrence frequency %s with 422 and books nothing', async (frequency) => {
		clock.freeze(at('2026-11-23', '08:00'));
		const before = await stored();
		const { status, body } = await call(reservationsRoute.POST as Handler, '/api/v1/reservations', {
			user: school,
			headers: { 'idempotency-key': crypto.randomUUID() },
			body: { ...booking(), recurrence: { frequency, count: 3 } }
		});
		expect(status).toBe(422);
		expect(body.violations.map((v: { rule: string }) => v.rule)).toEqual(['recurrence']);
		expect(await stored()).toEqual(before);
	});
});
