/**
 * Two app processes on one PostgreSQL (issue 10): the app keeps nothing across requests in
 * memory, so any process serves any user. Two built servers share a fresh database: simultaneous
 * conflicting bookings split across them leave exactly one winner, their outbox workers deliver
 * each message exactly once to a real SMTP server, and a session made on one works on the other.
 */
import { expect, test } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import {
	adminClient,
	BASE_PORT,
	bookingRequest,
	createDatabase,
	databaseUrl,
	dropDatabase,
	sameSessionOn,
	signIn,
	sleep,
	startApp,
	TEST_DATABASE_URL,
	weekdaysFrom,
	type App,
	type Client
} from './harness';

const PORTS = { a: BASE_PORT + 2, b: BASE_PORT + 3, smtp: BASE_PORT + 4 };
const DATABASE = `center_res_two_${BASE_PORT}`;

interface Delivery {
	outboxId: string;
	from: string;
}

test.describe('two app processes on one PostgreSQL', () => {
	test.skip(!TEST_DATABASE_URL, 'needs TEST_DATABASE_URL (PostgreSQL)');
	test.describe.configure({ mode: 'serial' });
	test.setTimeout(90_000);

	const deliveries: Delivery[] = [];
	let smtp: SMTPServer | undefined;
	let a: App | undefined;
	let b: App | undefined;

	test.beforeAll(async () => {
		test.setTimeout(120_000);
		smtp = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS', 'AUTH'],
			logger: false,
			onData(stream, session, callback) {
				let raw = '';
				stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
				stream.on('end', () => {
					const outboxId = /^X-Outbox-Id:\s*(\S+)/im.exec(raw)?.[1] ?? '';
					const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
					deliveries.push({ outboxId, from });
					// A little slow, like a real relay, so both workers take turns on the queue.
					setTimeout(() => callback(), 30);
				});
			}
		});
		await new Promise<void>((resolve) => smtp!.listen(PORTS.smtp, '127.0.0.1', () => resolve()));
		await createDatabase(DATABASE);
		const shared = { DATABASE_URL: databaseUrl(DATABASE), SMTP_URL: `smtp://127.0.0.1:${PORTS.smtp}`, OUTBOX_POLL_MS: '200' };
		// The first seeds the demo center; the second starts on the seeded database (both migrate under a lock).
		a = await startApp(PORTS.a, { ...shared, SEED_DEMO: '1', MAIL_FROM: 'process-a@center.test' });
		b = await startApp(PORTS.b, { ...shared, SEED_DEMO: '0', MAIL_FROM: 'process-b@center.test' });
	});

	test.afterAll(async () => {
		await Promise.all([a?.stop(), b?.stop()]);
		await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
		if (TEST_DATABASE_URL) await dropDatabase(DATABASE);
	});

	test('lets exactly one of 100 simultaneous bookings of one slot, split across both processes, win; the rest get 409', async () => {
		const rooms = (await (await fetch(`${a!.baseURL}/api/v1/rooms`, { headers: { 'accept-language': 'en' } })).json()).rooms as { id: string; name: string }[];
		const roomId = rooms.find((r) => r.name === 'Consultation Room 2')!.id;
		const date = weekdaysFrom(3, 1)[0]!;
		const body = { roomId, start: `${date}T10:00:00+09:00`, end: `${date}T11:00:00+09:00`, purpose: 'two processes', attendees: 2 };

		const emails = ['edu@center.test', 'facility@center.test', 'admin@center.test', 'visits@center.test', 'admin-support@center.test'];
		const sessions: Client[] = [];
		for (const [i, email] of [...emails, ...emails].entries()) sessions.push(await signIn(i % 2 ? b!.baseURL : a!.baseURL, email));
		// Each session sends 10: 5 to the process it signed in on, 5 to the other.
		const requests = sessions.flatMap((session, s) =>
			Array.from({ length: 10 }, (_, i) => {
				const on = (s + i) % 2 ? a! : b!;
				return () => sameSessionOn(on.baseURL, session).fetch('/api/v1/reservations', bookingRequest(body, `two-processes-${s}-${i}`));
			})
		);
		const responses = await Promise.all(requests.map((send) => send()));
		const statuses = responses.map((r) => r.status);
		expect(statuses.filter((s) => s >= 500)).toEqual([]);
		const sample = responses.find((r) => r.status !== 201 && r.status !== 409);
		expect(statuses.filter((s) => s === 201), `statuses ${statuses.join(' ')}; ${sample ? await sample.text() : ''}`).toHaveLength(1);
		expect(statuses.filter((s) => s === 409)).toHaveLength(99);

		const admin = adminClient(DATABASE);
		const [{ n }] = (await admin`select count(*)::int as n from reservation
			where resource_id = ${roomId} and status in ('requested', 'confirmed')`) as unknown as [{ n: number }];
		await admin.end();
		expect(n).toBe(1);
	});

	test('delivers each of 20 queued e-mails exactly once with both outbox workers polling', async () => {
		const admin = adminClient(DATABASE);
		const queued = await admin`insert into outbox (to_address, subject, body_text, kind)
			select 'reader' || g || '@center.test', 'drill ' || g, 'Two workers, one queue.', 'drill' from generate_series(1, 20) g
			returning id`;
		const ids = queued.map((row) => row.id as string);
		let pending = ids.length;
		for (let i = 0; i < 150 && pending > 0; i++) {
			await sleep(200);
			[{ pending }] = (await admin`select count(*)::int as pending from outbox where id = any(${ids}::uuid[]) and status <> 'sent'`) as unknown as [{ pending: number }];
		}
		expect(pending).toBe(0);
		await sleep(1_000); // a few more polls of both workers: nothing is sent again
		await admin.end();

		const ours = deliveries.filter((d) => ids.includes(d.outboxId));
		expect(ours.map((d) => d.outboxId).sort()).toEqual([...ids].sort());
		const sentBy = (from: string) => ours.filter((d) => d.from === from).length;
		console.log(`outbox: process A sent ${sentBy('process-a@center.test')}, process B sent ${sentBy('process-b@center.test')} of ${ids.length}`);
	});

	test('keeps a session made on one process valid on the other, and signing out on that one ends it on both', async () => {
		const onA = await signIn(a!.baseURL, 'school@center.test');
		const onB = sameSessionOn(b!.baseURL, onA);
		const seen = await onB.fetch('/api/v1/session');
		expect(seen.status).toBe(200);
		expect((await seen.json()).user.email).toBe('school@center.test');

		expect((await onB.fetch('/api/v1/session', { method: 'DELETE' })).status).toBeLessThan(300);
		expect((await onA.fetch('/api/v1/session')).status).toBe(401);
	});
});
