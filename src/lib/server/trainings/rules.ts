/**
 * The seat rules of a training session without the database: whether registration is open, where
 * each person of a request lands (a seat, a place in line, or the lottery's pool), the per-school
 * cap, and the cancellation cutoff. The service applies them under the session's row lock, where
 * the counts they read are final.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Violation } from '../errors';
import type { SessionMode } from '../../trainings';

export interface SeatState {
	capacity: number;
	confirmedCount: number;
	waitingSeq: number;
	perSchoolCap: number | null;
	mode: SessionMode;
	lotteryMinutes: number | null;
	opensAt: Date;
	closesAt: Date;
}

/** Before opening, open, or closed, at `now` (opening at its exact minute, closing at its). */
export function windowAt(s: Pick<SeatState, 'opensAt' | 'closesAt'>, now: Date): 'before' | 'open' | 'closed' {
	if (now.getTime() < s.opensAt.getTime()) return 'before';
	if (now.getTime() >= s.closesAt.getTime()) return 'closed';
	return 'open';
}

/** A lottery session collects requests for its first `lotteryMinutes` after opening, until drawn. */
export function inLotteryPool(s: Pick<SeatState, 'mode' | 'lotteryMinutes' | 'opensAt'>, now: Date, drawn: boolean): boolean {
	return s.mode === 'lottery' && !drawn && now.getTime() < s.opensAt.getTime() + (s.lotteryMinutes ?? 0) * 60_000;
}

export type Landing = { status: 'confirmed' } | { status: 'waitlisted'; waitingNumber: number } | { status: 'pending_draw' };

/**
 * Where each of `count` people lands, in order: seats while they last, then the waiting list with
 * the next numbers; during a lottery's pool, all in the pool. Also the session's new counters.
 */
export function land(s: SeatState, count: number, pool: boolean): { landings: Landing[]; confirmedCount: number; waitingSeq: number } {
	let confirmedCount = s.confirmedCount;
	let waitingSeq = s.waitingSeq;
	const landings: Landing[] = [];
	for (let i = 0; i < count; i++) {
		if (pool) landings.push({ status: 'pending_draw' });
		else if (confirmedCount < s.capacity) {
			confirmedCount++;
			landings.push({ status: 'confirmed' });
		} else landings.push({ status: 'waitlisted', waitingNumber: ++waitingSeq });
	}
	return { landings, confirmedCount, waitingSeq };
}

/**
 * The refusals of a request before anything lands: registration not open (with when it opens or
 * closed), and over the school's cap (counting what the school already holds in the session).
 */
export function refusals(s: SeatState, now: Date, request: { count: number; schoolHeld: number }, words: { opensAt: string; closesAt: string }): Violation[] {
	const state = windowAt(s, now);
	if (state === 'before') return [{ rule: 'opensAt', messageKey: 'training_not_open_yet', params: { opensAt: words.opensAt } }];
	if (state === 'closed') return [{ rule: 'closesAt', messageKey: 'training_closed', params: { closesAt: words.closesAt } }];
	if (s.perSchoolCap !== null && request.schoolHeld + request.count > s.perSchoolCap)
		return [{ rule: 'perSchoolCap', messageKey: 'training_school_cap', params: { cap: s.perSchoolCap, held: request.schoolHeld } }];
	return [];
}

/** A school may cancel until the cutoff (the start when none is set); staff at any time before the end. */
export function mayCancel(s: { cancelCutoff: Date | null; startsAt: Date; endsAt: Date }, now: Date, staff: boolean): boolean {
	if (staff) return now.getTime() < s.endsAt.getTime();
	return now.getTime() < (s.cancelCutoff ?? s.startsAt).getTime();
}

/** An e-mail address as a person's key: trimmed, lower case (the address is the person). */
export const personKey = (email: string) => email.trim().toLowerCase();

/**
 * A lottery's order, anyone can re-run: each request's ticket is SHA-256(seed + ":" + its id) in
 * hex, and the tickets are sorted ascending (ties impossible in practice; broken by id). Published
 * with the seed, the log lets anyone recompute every ticket and so the whole order.
 */
export function drawOrder(seed: string, ids: readonly string[]): { id: string; ticket: string }[] {
	return ids
		.map((id) => ({ id, ticket: encodeHexLowerCase(sha256(new TextEncoder().encode(`${seed}:${id}`))) }))
		.sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : a.id < b.id ? -1 : 1));
}
