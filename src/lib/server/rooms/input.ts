import type { Violation } from '../errors';
import { parseInput } from '../../schemas/issues';
import { bookingRequest, type BookingInput } from '../../schemas/reservations';

export { ATTENDEES_MAX, PURPOSE_MAX_LENGTH, type BookingInput } from '../../schemas/reservations';

/** Shape of a booking request (API body or form), every problem at once. Rules come later. */
export function parseBookingInput(raw: unknown): { value: BookingInput | null; violations: Violation[] } {
	const parsed = parseInput(bookingRequest, raw);
	return parsed.ok ? { value: parsed.value, violations: [] } : { value: null, violations: parsed.problems };
}
