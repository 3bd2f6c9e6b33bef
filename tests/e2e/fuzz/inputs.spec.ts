/**
 * Malformed input to every /api/v1 route and every form action of the built app: NUL bytes and
 * control characters, dates out of range or impossible, wrong types, prototype keys, arrays for
 * objects, non-uuid ids, broken JSON. Every answer is a 4xx (or a redirect), never a 5xx, and
 * nothing stored changes: the fuzz room's bookings, details, rules and hours, the user whose
 * role form is fuzzed, and every fuzzer's session read the same before and after. (Other specs
 * run beside this one on the same server, so it reads only what it alone could have changed.)
 */
import { request, type APIRequestContext } from '@playwright/test';
import { BASE_URL, PASSWORD, expect, test } from '../fixtures';
import { futureWeekday, seoul } from '../api/servers';
import { parseInput } from '../../../src/lib/schemas/issues';
import * as schemas from '../../../src/lib/schemas/reservations';
import { credentials } from '../../../src/lib/schemas/session';
import type * as z from 'zod';

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const NIL = '00000000-0000-4000-8000-000000000000';
/** Values a client could send where a field is expected. */
const HOSTILE: unknown[] = [
	'\u0000',
	'a\u0000b',
	'line\nbreak\u0007',
	'\u001b[31m',
	'\ud800',
	'constructor',
	'__proto__',
	'9999-12-31',
	'0999-01-01',
	'2027-02-29',
	'2027-06-31',
	'9999-12-31T10:00:00+09:00',
	'0999-01-01T00:00:00Z',
	'+275760-09-13T00:00:00.000Z',
	'2026-11-24T24:00:00+09:00',
	'2026-11-24T10:00:00+99:99',
	'x'.repeat(3000),
	'',
	' ',
	-1,
	0,
	1e308,
	3.5,
	true,
	null,
	[],
	['a', 'b'],
	{},
	JSON.parse('{"__proto__":{"polluted":true}}'),
	[{ frequency: 'weekly' }]
];
const BAD_IDS = ['x', '0', 'null', '%00', 'a%00b', "1'%20or%20'1'='1", '..%2F..%2Fetc', NIL.toUpperCase().replace(/-/g, ''), 'z'.repeat(300)];
const RAW_BODIES = ['', 'null', '[]', '"x"', '42', '{', '{"a":', '{"__proto__":{"polluted":true}}', '[[[[[[[[[[]]]]]]]]]]', '\u0000'];

const date = futureWeekday(2, 3);
const day2 = futureWeekday(3, 3);
const validBooking = (roomId: string) => ({
	roomId,
	start: seoul(date, '10:00'),
	end: seoul(date, '11:00'),
	purpose: '협의회',
	attendees: 4
});

async function signedIn(email: string): Promise<APIRequestContext> {
	const context = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'accept-language': 'en' } });
	const response = await context.post('/api/v1/session', { data: { email, password: PASSWORD } });
	expect(response.status(), `sign-in of ${email}`).toBe(201);
	return context;
}

/** Every value of an object with one field replaced, each way, plus the whole body replaced. */
function* spoiled(valid: Record<string, unknown>): Generator<unknown> {
	for (const field of Object.keys(valid)) for (const value of HOSTILE) yield { ...valid, [field]: value };
	for (const value of HOSTILE) yield value;
	yield [valid];
	yield { ...valid, recurrence: { frequency: 'constructor', count: 3 } };
	yield { ...valid, recurrence: { frequency: '__proto__', until: '9999-12-31' } };
	yield { ...valid, recurrence: { frequency: 'weekly', until: '2027-02-29' } };
	yield { ...valid, recurrence: 'weekly' };
	yield JSON.parse(`{"__proto__": {"isAdmin": true}, ${JSON.stringify(valid).slice(1)}`.replace(/,\s*}$/, '}'));
}

/** The form fields of an action with one field hostile (sent as text, repeated, or as a prototype key). */
function* spoiledForm(fields: Record<string, string>): Generator<[string, string][]> {
	const base = Object.entries(fields);
	for (const [name] of base)
		for (const value of ['\u0000', 'a\u0000b', '\u0007', '9999-12-31', '2027-02-29', '0999-01-01', '__proto__', 'constructor', 'x'.repeat(3000), '\ud800'])
			yield base.map(([n, v]) => [n, n === name ? value : v]);
	for (const [name, value] of base) yield [...base, [name, value], [name, '\u0000']];
	yield [...base, ['__proto__', 'x'], ['constructor', 'y']];
	yield [];
}

/** Form-urlencoded; a lone surrogate (not encodable as UTF-8) goes as the raw bytes a broken client would send. */
function encodeForm(entries: [string, string][]): string {
	const lone = /([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/;
	const encode = (text: string) =>
		text
			.split(lone)
			.map((part, i) => (i % 2 === 1 ? '%ED%A0%80' : encodeURIComponent(part)))
			.join('');
	return entries.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}

type Sent = { what: string; status: number };

let resets = 0;
/** Run the jobs `limit` at a time; a connection reset on a reused keep-alive socket is tried once more. */
async function pool(jobs: (() => Promise<void>)[], limit: number) {
	let next = 0;
	await Promise.all(
		Array.from({ length: limit }, async () => {
			while (next < jobs.length) {
				const job = jobs[next++]!;
				try {
					await job();
				} catch (error) {
					if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
					resets++;
					await job();
				}
			}
		})
	);
}

test('malformed bodies, queries and ids never get a 5xx and change nothing stored', async () => {
	const anonymous = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'accept-language': 'ko' } });
	const school = await signedIn('school@center.test');
	const facility = await signedIn('facility@center.test');
	const admin = await signedIn('admin@center.test');
	// A room of its own (other specs run beside this one on the same server): every near-valid
	// body aims at it, and the snapshot reads what the fuzzers could reach.
	const code = `fuzz-${Date.now().toString(36)}`;
	const created = await facility.post('/facility/rooms/new', {
		form: { code, nameKo: '퍼즈 회의실', nameEn: 'Fuzz room', floor: '1', capacity: '10', active: 'on' },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(created.status(), 'the fuzz room is created').toBe(303);
	const roomId = /\/facility\/rooms\/([0-9a-f-]{36})/.exec(created.headers()['location'] ?? '')![1]!;
	// The list pages 20 at a time: search for the address.
	const users = await (await admin.get('/admin/users?q=school%40center.test')).text();
	// slice(1): the search box above the table holds the address too.
	const schoolRow = users.split('<tr').slice(1).find((row) => row.includes('school@center.test')) ?? '';
	const schoolUserId = /href="\/admin\/users\/([0-9a-f-]{36})"/.exec(schoolRow)?.[1] ?? NIL;

	async function snapshot() {
		const days = await Promise.all(
			[date, day2].map(async (d) => {
				const day = (await (await facility.get(`/api/v1/availability?date=${d}`)).json()) as { rooms: { id: string }[] };
				return day.rooms.find((r) => r.id === roomId);
			})
		);
		const room = ((await (await anonymous.get('/api/v1/rooms')).json()).rooms as { id: string }[]).find((r) => r.id === roomId);
		// The room page's data: its rules and weekly hours as stored.
		const roomData = await (await anonymous.get(`/rooms/${roomId}/__data.json`)).text();
		const userRow = (await (await admin.get('/admin/users?q=school%40center.test')).text()).split('<tr').find((row) => row.includes(schoolUserId))?.split('</tr>')[0];
		const sessions = await Promise.all([school, facility, admin].map(async (c) => (await (await c.get('/api/v1/session')).json()).user?.id));
		return { days, room, roomData, userRow, sessions };
	}
	const before = await snapshot();
	expect(before.sessions.every(Boolean)).toBe(true);
	expect(before.room).toBeDefined();
	expect(before.userRow).toBeDefined();

	const sent: Sent[] = [];
	const jobs: (() => Promise<void>)[] = [];
	const record = (what: string, status: number): void => {
		sent.push({ what, status });
	};

	// ---------- /api/v1: bodies ----------
	// Each body is a valid one with one part spoiled; what the route's own schema would still
	// accept (a purpose that reads "constructor" is a purpose) is left out: this is about malformed input.
	const writes: { path: string; as: APIRequestContext; valid: Record<string, unknown>; schema: z.ZodType; method?: 'PATCH' }[] = [
		{ path: '/api/v1/session', as: anonymous, valid: { email: 'nobody-fuzz@center.test', password: 'not-the-password' }, schema: credentials },
		{ path: '/api/v1/reservations', as: school, valid: validBooking(roomId), schema: schemas.bookingRequest },
		{ path: '/api/v1/reservations/preview', as: school, valid: validBooking(roomId), schema: schemas.bookingRequest },
		{ path: `/api/v1/reservations/${NIL}/cancel`, as: school, valid: { scope: 'following', reason: '취소' }, schema: schemas.cancelRequest },
		{ path: `/api/v1/reservations/${NIL}/approve`, as: facility, valid: {}, schema: schemas.cancelRequest },
		{ path: `/api/v1/reservations/${NIL}/reject`, as: facility, valid: { reason: '겹침' }, schema: schemas.rejectRequest },
		{
			path: `/api/v1/reservations/${NIL}/move`,
			as: facility,
			valid: { start: seoul(day2, '10:00'), end: seoul(day2, '11:00') },
			schema: schemas.moveRequest
		},
		{
			path: `/api/v1/reservations/${NIL}`,
			as: school,
			valid: { ...validBooking(roomId), version: 'seen' },
			schema: schemas.editRequest,
			method: 'PATCH'
		}
	];
	let signInAttempts = 0;
	for (const { path, as, valid, schema, method = 'POST' } of writes) {
		for (const body of spoiled(valid)) {
			const wellFormed = parseInput(schema, body).ok;
			if (path.endsWith('/reservations') && wellFormed) continue;
			// A well-formed wrong sign-in counts against this client's address (other specs sign in from it too): a few only.
			if (path === '/api/v1/session' && wellFormed && signInAttempts++ >= 3) continue;
			jobs.push(async () => {
				const response = await as.fetch(path, {
					method,
					data: JSON.stringify(body),
					headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }
				});
				record(`${method} ${path} ${JSON.stringify(body)?.slice(0, 80)}`, response.status());
			});
		}
		for (const raw of RAW_BODIES)
			jobs.push(async () => {
				const response = await as.fetch(path, { method, data: raw, headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() } });
				record(`${method} ${path} raw ${JSON.stringify(raw)}`, response.status());
			});
	}
	for (const key of ['', 'x', '\u0000'.repeat(8), 'k'.repeat(500), '../../../../'])
		jobs.push(async () => {
			const response = await school.post('/api/v1/reservations', {
				data: JSON.stringify({ ...validBooking(roomId), start: '2027-02-29T10:00:00+09:00' }),
				headers: { 'content-type': 'application/json', 'idempotency-key': encodeURIComponent(key) }
			});
			record(`POST /api/v1/reservations key ${JSON.stringify(key).slice(0, 40)}`, response.status());
		});

	// ---------- /api/v1: ids in paths ----------
	for (const id of BAD_IDS) {
		for (const action of ['cancel', 'approve', 'reject', 'move'])
			jobs.push(async () => {
				const response = await facility.post(`/api/v1/reservations/${id}/${action}`, {
					data: JSON.stringify({ reason: 'x', start: seoul(day2, '10:00'), end: seoul(day2, '11:00') }),
					headers: { 'content-type': 'application/json' }
				});
				record(`POST reservations/${id}/${action}`, response.status());
			});
		for (const method of ['GET', 'PATCH'])
			jobs.push(async () => {
				const response = await school.fetch(`/api/v1/reservations/${id}`, {
					method,
					...(method === 'PATCH' ? { data: JSON.stringify(validBooking(roomId)), headers: { 'content-type': 'application/json' } } : {})
				});
				record(`${method} reservations/${id}`, response.status());
			});
		jobs.push(async () => {
			const response = await anonymous.get(`/api/v1/rooms/${id}/availability?from=${date}&to=${date}`);
			record(`GET rooms/${id}/availability`, response.status());
		});
	}

	// ---------- /api/v1: query strings ----------
	const queryValues = ['', '%00', 'a%00b', '9999-12-31', '0999-01-01', '2027-02-29', '2027-06-31', '2026-1-1', '20261124', '%2B275760-09-13', 'x'.repeat(2000), '__proto__'];
	for (const value of queryValues) {
		jobs.push(async () => record(`GET availability?date=${value.slice(0, 20)}`, (await anonymous.get(`/api/v1/availability?date=${value}`)).status()));
		for (const q of [`from=${value}&to=${date}`, `from=${date}&to=${value}`, `from=${value}&to=${value}`])
			jobs.push(async () =>
				record(`GET rooms/id/availability?${q.slice(0, 40)}`, (await school.get(`/api/v1/rooms/${roomId}/availability?${q}`)).status())
			);
	}
	for (const q of ['date=2026-11-24&date=9999-12-31', '__proto__[date]=2026-11-24', 'constructor=1', 'date[]=2026-11-24', 'from=0999-01-01T00:00:00Z&to=9999-12-31T00:00:00Z'])
		jobs.push(async () => {
			record(`GET availability?${q}`, (await anonymous.get(`/api/v1/availability?${q}`)).status());
			record(`GET rooms/id/availability?${q}`, (await anonymous.get(`/api/v1/rooms/${roomId}/availability?${q}`)).status());
		});
	for (const path of ['/api/v1/session', '/api/v1/rooms', '/api/v1/openapi.json'])
		jobs.push(async () => record(`GET ${path}?junk`, (await school.get(`${path}?__proto__=1&date=%00`)).status()));

	// ---------- pages that read their query (GET forms and links) ----------
	const pageQueries: { path: string; as: APIRequestContext; names: string[] }[] = [
		{ path: '/board', as: anonymous, names: ['date', 'view'] },
		{ path: '/rooms', as: anonymous, names: ['people', 'equipment', 'date', 'from', 'to'] },
		{ path: '/book', as: school, names: ['room', 'date', 'start', 'end', 'purpose', 'attendees', 'repeat', 'until', 'count'] },
		{ path: `/rooms/${roomId}`, as: anonymous, names: ['date'] }
	];
	// A page render costs more than an API call: fewer values, each once.
	const pageValues = ['%00', 'a%00b', '9999-12-31', '0999-01-01', '2027-02-29', '2000-01-01&view=week', '2100-12-31&view=week', 'x'.repeat(2000), '__proto__'];
	for (const { path, as, names } of pageQueries)
		for (const name of names)
			for (const query of [...pageValues.map((v) => `${name}=${v}`), `${name}=2026-11-24&${name}=%00`])
				jobs.push(async () => record(`GET ${path}?${query.slice(0, 40)}`, (await as.get(`${path}?${query}`)).status()));

	// ---------- form actions (form-urlencoded, same Origin) ----------
	const actions: { path: string; as: APIRequestContext; fields: Record<string, string> }[] = [
		{ path: '/login', as: anonymous, fields: { email: 'nobody-fuzz@center.test', password: 'not-the-password' } },
		{ path: '/invite/not-a-token', as: anonymous, fields: { password: 'a-long-password-1', confirm: 'a-long-password-1' } },
		{ path: '/account?/password', as: school, fields: { currentPassword: 'wrong-password-x', newPassword: 'n', confirm: 'm' } },
		{
			path: '/book?/book',
			as: school,
			// Two fields malformed, so that spoiling any one still leaves the request malformed.
			fields: { roomId, date: '2027-02-29', start: '10:00', end: '11:00', purpose: '협의회', attendees: '0', repeat: 'weekly', repeatEnd: 'until', until: '9999-12-31', count: '', idempotencyKey: crypto.randomUUID() }
		},
		{ path: '/book?/preview', as: school, fields: { roomId, date: '2027-02-29', start: '10:00', end: '11:00', purpose: 'x', attendees: '4', repeat: 'biweekly', repeatEnd: 'count', count: '3' } },
		{ path: '/my/bookings?/cancel', as: school, fields: { id: NIL, scope: 'following' } },
		{ path: `/my/bookings/${NIL}/edit?/save`, as: school, fields: { roomId, date: '2027-02-29', start: '10:00', end: '11:00', purpose: 'x', attendees: '4', version: 'v' } },
		{ path: '/facility/approvals?/approve', as: facility, fields: { id: NIL } },
		{ path: '/facility/approvals?/reject', as: facility, fields: { id: NIL, reason: '겹침' } },
		{
			path: '/facility/closures?/create',
			as: facility,
			fields: { roomId, fromDate: '9999-12-31', fromTime: '09:00', toDate: '0999-01-01', toTime: '18:00', reason: '', confirm: '' }
		},
		{ path: '/facility/closures?/delete', as: facility, fields: { id: NIL } },
		{
			path: '/facility/rooms/new',
			as: facility,
			fields: { code: '', nameKo: '', nameEn: 'Fuzz room', floor: 'x', capacity: '-1', equipment: 'constructor', descriptionKo: '', descriptionEn: '', active: 'on' }
		},
		{ path: `/facility/rooms/${roomId}?/details`, as: facility, fields: { nameKo: '', nameEn: '', floor: '1', capacity: '0', equipment: '__proto__' } },
		{
			path: `/facility/rooms/${roomId}?/rules`,
			as: facility,
			fields: { granularityMinutes: '7', minMinutes: '-5', maxMinutes: 'x', leadTimeHours: '1e9', horizonDays: '0', allowedRoles: 'constructor', allowedSchoolIds: 'x', monthlyQuotaHours: '-1', cancelCutoffHours: 'NaN' }
		},
		// Photos: a form-urlencoded post carries the file field as text (refused), and no photo has the nil id.
		{ path: `/facility/rooms/${roomId}?/photo`, as: facility, fields: { photo: 'C:\\fakepath\\room.jpg', altKo: '', altEn: 'x' } },
		{ path: `/facility/rooms/${roomId}?/photoAlt`, as: facility, fields: { photoId: NIL, altKo: '', altEn: 'x' } },
		{ path: `/facility/rooms/${roomId}?/photoMove`, as: facility, fields: { photoId: NIL, direction: 'sideways' } },
		{ path: `/facility/rooms/${roomId}?/photoDelete`, as: facility, fields: { photoId: 'x' } },
		{ path: `/facility/rooms/${roomId}?/hours`, as: facility, fields: { source: 'own', 'open-1': 'on', 'opens-1': '25:00', 'closes-1': '08:00', 'open-2': 'on', 'opens-2': 'x', 'closes-2': '' } },
		{ path: '/admin/users/new', as: admin, fields: { email: 'not-an-email', name: '', role: 'constructor', departmentId: 'x', schoolId: '__proto__' } },
		{ path: `/admin/users/${schoolUserId}?/role`, as: admin, fields: { role: '__proto__', departmentId: 'x', schoolId: '' } },
		{ path: '/preferences?/save', as: anonymous, fields: { locale: '__proto__', contrast: 'constructor', text: '\u0000', redirectTo: '/\t/evil.example' } }
	];
	// Password checks are throttled (per address, per account): few well-formed wrong ones, for the other specs' sake.
	const passwordChecks: Record<string, number> = {};
	for (const { path, as, fields } of actions)
		for (const entries of spoiledForm(fields)) {
			const refusedAtParsing = entries.some(([, v]) => /[\u0000-\u001f\ud800-\udfff]/.test(v) || v.length > 1000);
			if ((path === '/login' || path === '/account?/password') && !refusedAtParsing && (passwordChecks[path] = (passwordChecks[path] ?? 0) + 1) > 3)
				continue;
			jobs.push(async () => {
				const response = await as.post(path, {
					data: encodeForm(entries),
					headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE_URL, accept: 'text/html' },
					maxRedirects: 0
				});
				record(`POST ${path} ${encodeForm(entries).slice(0, 80)}`, response.status());
			});
		}

	const startedAt = Date.now();
	await pool(jobs, 4);
	test.info().annotations.push({ type: 'fuzz', description: `${sent.length} requests in ${Date.now() - startedAt} ms, ${resets} connection resets retried` });
	expect(resets, 'connection resets').toBeLessThan(5);

	const failures = sent.filter((s) => s.status >= 500);
	expect(failures, failures.map((f) => `${f.status} ${f.what}`).join('\n')).toEqual([]);
	expect(sent.length).toBeGreaterThan(1000);
	expect(({} as Record<string, unknown>).polluted).toBeUndefined();

	expect(await snapshot()).toEqual(before);
	await Promise.all([anonymous, school, facility, admin].map((c) => c.dispose()));
});
