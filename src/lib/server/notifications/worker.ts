import type { Logger } from 'pino';
import { sendDue, type Send } from './outbox';

/**
 * Polls the outbox. Only the next poll is ever scheduled; state lives in the table, so a
 * restart or a second process loses nothing.
 */
export function startOutboxWorker(send: Send, pollMs: number, log: Logger): { stop(): Promise<void> } {
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running: Promise<unknown> = Promise.resolve();

	const poll = () => {
		running = sendDue(send)
			.then(({ sent, failed }) => {
				if (sent || failed) log.info({ sent, failed }, 'outbox poll');
			})
			.catch((error: unknown) => log.error({ err: error }, 'outbox poll failed'))
			.finally(() => {
				if (!stopped) timer = setTimeout(poll, pollMs);
			});
	};
	poll();
	return {
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await running;
		}
	};
}
