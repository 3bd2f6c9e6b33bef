import nodemailer from 'nodemailer';
import type { OutboxMessage } from '../db/schema';
import type { Send } from './outbox';

/** A `Send` over SMTP (e.g. smtp://user:pass@host:587). */
export function smtpSender(smtpUrl: string, from: string): { send: Send; close(): void } {
	const transport = nodemailer.createTransport(smtpUrl);
	return {
		async send(message: OutboxMessage) {
			await transport.sendMail({
				from,
				to: message.toAddress,
				subject: message.subject,
				text: message.bodyText,
				headers: { 'X-Outbox-Id': message.id }
			});
		},
		close: () => transport.close()
	};
}
