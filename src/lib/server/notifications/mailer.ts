import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { OutboxMessage } from '../db/schema';
import type { Send } from './outbox';

const mailOf = (message: OutboxMessage, from: string) => ({
	from,
	to: message.toAddress,
	subject: message.subject,
	text: message.bodyText,
	headers: { 'X-Outbox-Id': message.id }
});

/** A `Send` over SMTP (e.g. smtp://user:pass@host:587). */
export function smtpSender(smtpUrl: string, from: string): { send: Send; close(): void } {
	const transport = nodemailer.createTransport(smtpUrl);
	return {
		async send(message: OutboxMessage) {
			await transport.sendMail(mailOf(message, from));
		},
		close: () => transport.close()
	};
}

/**
 * A `Send` that writes each e-mail as an .eml file into a directory (MAIL_DIR), for a demo or
 * test machine without a mail server: the message nodemailer would have sent, byte for byte.
 */
export function directorySender(dir: string, from: string): { send: Send; close(): void } {
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	return {
		async send(message: OutboxMessage) {
			const info = await transport.sendMail(mailOf(message, from));
			await mkdir(dir, { recursive: true });
			// Named by time, then outbox id: a directory listing reads oldest first.
			await writeFile(join(dir, `${Date.now()}-${message.id}.eml`), info.message as Buffer);
		},
		close: () => transport.close()
	};
}
