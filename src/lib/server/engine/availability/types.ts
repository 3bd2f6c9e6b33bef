import type { Violation } from '../../errors';

/** A resource's weekly hours in Asia/Seoul wall-clock minutes (weekday 0 = Sunday). */
export interface WeeklyHours {
	weekday: number;
	opensMinute: number;
	closesMinute: number;
}

export interface ClosureSpan {
	startsAt: Date;
	endsAt: Date;
	reason: string;
}

/**
 * What the availability of any resource (a room, a consultant, a presenter) is checked against:
 * its opening hours, the closures that overlap the request and the public holidays. A service's
 * rule context extends it, so these checks sit in every service's rule list unchanged.
 */
export interface AvailabilityContext {
	request: { start: Date; end: Date };
	/** The resource's weekly hours (or the center's when it has none of its own). */
	openingHours: WeeklyHours[];
	/** Closures of the resource or the whole building that overlap the request. */
	closures: ClosureSpan[];
	/** Names of the public holiday on a Seoul date, or null. */
	holidayNames: (date: string) => readonly string[] | null;
	rules: { closedOnHolidays: boolean };
}

export type AvailabilityCheck = (ctx: AvailabilityContext) => Violation[];
