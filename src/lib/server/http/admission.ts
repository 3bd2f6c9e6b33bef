/**
 * A bound on the work one process takes on: at most `maxInFlight` requests run at once, at most
 * `maxQueued` wait for a turn, and none waits longer than `queueTimeoutMs`. Past that the caller
 * is told at once (`Overloaded` → 503 with Retry-After) instead of queueing without end behind a
 * slow or unreachable database, which is what lets the app drain quickly when it comes back.
 */
export interface AdmissionLimits {
	maxInFlight: number;
	maxQueued: number;
	queueTimeoutMs: number;
}

export class Overloaded extends Error {
	constructor(readonly reason: 'queue-full' | 'queue-timeout') {
		super(`overloaded: ${reason}`);
		this.name = 'Overloaded';
	}
}

export interface Admission {
	/** Runs `work` when a slot is free; rejects with `Overloaded` when none frees up in time. */
	run<T>(work: () => Promise<T>): Promise<T>;
	readonly inFlight: number;
	readonly queued: number;
}

export function createAdmission(limits: AdmissionLimits): Admission {
	let inFlight = 0;
	const waiting: { admit(): void; timer: ReturnType<typeof setTimeout> }[] = [];

	const release = () => {
		const next = waiting.shift();
		if (next) {
			clearTimeout(next.timer);
			next.admit(); // the slot passes straight to the next in line
		} else {
			inFlight--;
		}
	};

	const acquire = (): Promise<void> => {
		if (inFlight < limits.maxInFlight) {
			inFlight++;
			return Promise.resolve();
		}
		if (waiting.length >= limits.maxQueued) return Promise.reject(new Overloaded('queue-full'));
		return new Promise((resolve, reject) => {
			const entry = {
				admit: resolve,
				timer: setTimeout(() => {
					waiting.splice(waiting.indexOf(entry), 1);
					reject(new Overloaded('queue-timeout'));
				}, limits.queueTimeoutMs)
			};
			waiting.push(entry);
		});
	};

	return {
		async run(work) {
			await acquire();
			try {
				return await work();
			} finally {
				release();
			}
		},
		get inFlight() {
			return inFlight;
		},
		get queued() {
			return waiting.length;
		}
	};
}
