import type { Logger } from 'pino';
import { sendDue, type Send } from './outbox';

/**
 * Polls the outbox. State lives in the table, so a restart or a second process loses nothing.
 */
export function startOutboxWorker(send: Send, pollMs: number, log: Logger): { stop(): Promise<void> } {
	return startJob(
		'outbox',
		async () => {
			const { sent, failed } = await sendDue(send);
			if (sent || failed) log.info({ sent, failed }, 'outbox poll');
		},
		pollMs,
		log
	);
}

/**
 * Run `work` now and then every `pollMs` after it finishes. Only the next poll is scheduled;
 * the timer does not keep the process alive.
 */
export function startJob(name: string, work: () => Promise<unknown>, pollMs: number, log: Logger): { stop(): Promise<void> } {
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running: Promise<unknown> = Promise.resolve();

	const poll = () => {
		running = work()
			.catch((error: unknown) => log.error({ err: error, job: name }, 'background job failed'))
			.finally(() => {
				if (!stopped) timer = setTimeout(poll, pollMs).unref();
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
