/**
 * The one clock of the app. Services ask it for the time so tests can move it;
 * nothing reads `new Date()` for a business decision.
 */
let offsetMs = 0;
let frozenAt: number | null = null;

export function now(): Date {
	return new Date(frozenAt ?? Date.now() + offsetMs);
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
