import type { Violation } from '../errors';
import type { SessionUser } from '../auth/sessions';
import { parseInput } from '../../schemas/issues';
import { bookingRequest, type BookingInput } from '../../schemas/reservations';

export { ATTENDEES_MAX, PURPOSE_MAX_LENGTH, type BookingInput } from '../../schemas/reservations';

/** Shape of a booking request (API body or form), every problem at once. Rules come later. */
export function parseBookingInput(raw: unknown): { value: BookingInput | null; violations: Violation[] } {
	const parsed = parseInput(bookingRequest, raw);
	return parsed.ok ? { value: parsed.value, violations: [] } : { value: null, violations: parsed.problems };
}

/**
 * The school a booking is for: a school user's own; the school staff book on behalf of
 * (`schoolId`, allowed or refused before the engine is called: bookings.book); else none.
 */
export const schoolOf = (actor: Pick<SessionUser, 'role' | 'schoolId'>, input: Pick<BookingInput, 'schoolId'>): string | null =>
	actor.role === 'school_user' ? actor.schoolId : (input.schoolId ?? null);
