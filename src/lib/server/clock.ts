/**
 * The one clock of the app. Services ask it for the time so tests can move it;
 * nothing reads `new Date()` for a business decision.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

let offsetMs = 0;
let frozenAt: number | null = null;
/** The instant one request runs at (the e2e test clock, hooks.server.ts); unset outside it. */
const requestInstant = new AsyncLocalStorage<number>();

export function now(): Date {
	return new Date(requestInstant.getStore() ?? frozenAt ?? Date.now() + offsetMs);
}

/** Freeze the clock at an instant (tests). */
export function freeze(at: Date): void {
	frozenAt = at.getTime();
}

/** Move the clock forward (tests). Works frozen or running. */
export function advance(ms: number): void {
	if (frozenAt !== null) frozenAt += ms;
	else offsetMs += ms;
}

export function reset(): void {
	offsetMs = 0;
	frozenAt = null;
}

/**
 * Runs `work` (one request and everything it awaits) with the clock fixed at `at`, leaving every
 * other request at the real time: the e2e specs share one server, so each moves only its own.
 */
export function runAt<T>(at: Date, work: () => T): T {
	return requestInstant.run(at.getTime(), work);
}
