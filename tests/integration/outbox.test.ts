import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { appUser, outbox as outboxTable } from '../../src/lib/server/db/schema';
import { smtpSender } from '../../src/lib/server/notifications/mailer';
import * as outbox from '../../src/lib/server/notifications/outbox';

interface Received {
	from: string;
	to: string[];
	raw: string;
}

let server: SMTPServer;
let port = 0;
const received: Received[] = [];

beforeAll(async () => {
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	port = (server.server.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('outbox', () => {
	it('keeps no message when the transaction that wrote it rolls back', async () => {
		await db
			.transaction(async (tx) => {
				await outbox.enqueue(tx, { to: 'gone@school.kr', subject: 's', text: 't', kind: 'test' });
				throw new Error('roll back');
			})
			.catch(() => {});
		expect(await db.select().from(outboxTable).where(eq(outboxTable.toAddress, 'gone@school.kr'))).toHaveLength(0);
	});

	it('queues mail for an account only while it is active, by id as by role, in its language', async () => {
		const [active, gone] = await db
			.insert(appUser)
			.values([
				{ email: 'still-here@center.test', name: '현직', role: 'visit_coordinator', locale: 'en' },
				{ email: 'left@center.test', name: '퇴직', role: 'visit_coordinator', active: false }
			])
			.returning();
		const note = { kind: 'test_active', compose: (locale: 'ko' | 'en') => ({ subject: locale, text: locale }) };
		const queued = await db.transaction(async (tx) => [
			...(await outbox.mail(tx, { userId: active!.id }, note)),
			...(await outbox.mail(tx, { userId: gone!.id }, note)),
			...(await outbox.mail(tx, { role: 'visit_coordinator' }, note))
		]);
		expect(queued).toHaveLength(2);
		const rows = await db.select().from(outboxTable).where(eq(outboxTable.kind, 'test_active'));
		expect(rows.map((r) => [r.toAddress, r.subject])).toEqual([
			['still-here@center.test', 'en'],
			['still-here@center.test', 'en']
		]);
	});

	it('sends due messages through a real SMTP server and marks them sent', async () => {
		const id = await outbox.enqueue(db, {
			to: 'teacher@school.kr',
			subject: '[학교지원본부] 초대 / Invitation',
			text: '안녕하세요 — hello',
			kind: 'test'
		});
		const sender = smtpSender(`smtp://127.0.0.1:${port}`, 'Center <no-reply@center.test>');
		const result = await outbox.sendDue(sender.send);
		sender.close();
		expect(result.sent).toBeGreaterThanOrEqual(1);
		const mail = received.find((r) => r.raw.toLowerCase().includes(`x-outbox-id: ${id}`));
		expect(mail?.to).toEqual(['teacher@school.kr']);
		expect(mail?.from).toBe('no-reply@center.test');
		// Hangul subject and body survive the trip (encoded words, base64 body).
		expect(mail?.raw).toContain('=?UTF-8?');
		expect(Buffer.from(mail!.raw.split('\r\n\r\n')[1]!.trim(), 'base64').toString('utf8')).toBe('안녕하세요 — hello');
		const [row] = await db.select().from(outboxTable).where(eq(outboxTable.id, id));
		expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
	});

	it('retries a failed send later with growing delays, then gives up', async () => {
		clock.freeze(new Date('2026-11-24T00:00:00Z'));
		const id = await outbox.enqueue(db, { to: 'bounce@school.kr', subject: 's', text: 't', kind: 'test' });
		await db.update(outboxTable).set({ nextAttemptAt: clock.now() }).where(eq(outboxTable.id, id));
		const failing = async () => {
			throw new Error('421 try later');
		};
		for (let attempt = 1; attempt <= outbox.MAX_ATTEMPTS; attempt++) {
			expect((await outbox.sendDue(failing)).failed).toBe(1);
			const [row] = await db.select().from(outboxTable).where(eq(outboxTable.id, id));
			expect(row!.attempts).toBe(attempt);
			expect(row!.lastError).toBe('421 try later');
			// Not due again until the back-off passes.
			expect((await outbox.sendDue(failing)).failed).toBe(0);
			clock.advance(outbox.retryDelayMs(attempt));
		}
		const [row] = await db.select().from(outboxTable).where(eq(outboxTable.id, id));
		expect(row!.status).toBe('failed');
	});

	it('sends each message once even when two workers poll at the same time', async () => {
		clock.freeze(new Date('2026-11-25T00:00:00Z'));
		const ids = await Promise.all(
			Array.from({ length: 10 }, (_, i) => outbox.enqueue(db, { to: `n${i}@school.kr`, subject: 's', text: 't', kind: 'race' }))
		);
		await db.update(outboxTable).set({ nextAttemptAt: clock.now() }).where(eq(outboxTable.kind, 'race'));
		const sentIds: string[] = [];
		const slowSend = async (message: { id: string }) => {
			sentIds.push(message.id);
			await new Promise((r) => setTimeout(r, 5));
		};
		await Promise.all([outbox.sendDue(slowSend), outbox.sendDue(slowSend), outbox.sendDue(slowSend)]);
		expect(sentIds.sort()).toEqual(ids.sort());
	});
});
