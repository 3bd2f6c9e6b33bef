import type { Role } from '../../../roles';
import type { Violation } from '../../errors';

export interface RoomRules {
	granularityMinutes: number;
	minMinutes: number;
	maxMinutes: number;
	leadTimeMinutes: number;
	horizonDays: number;
	bufferBeforeMinutes: number;
	bufferAfterMinutes: number;
	requiresApproval: boolean;
	allowedRoles: string[];
	allowedSchoolIds: string[];
	monthlyQuotaMinutes: number | null;
	closedOnHolidays: boolean;
	cancelCutoffMinutes: number;
}

export interface WeeklyHours {
	weekday: number;
	opensMinute: number;
	closesMinute: number;
}

/** Everything a rule needs, gathered before the rules run; rules themselves never query. */
export interface RuleContext {
	now: Date;
	request: { start: Date; end: Date; attendees: number };
	room: { capacity: number };
	rules: RoomRules;
	/** The room's weekly hours (or the center's when the room has none). */
	openingHours: WeeklyHours[];
	/** Closures that overlap the request. */
	closures: { startsAt: Date; endsAt: Date; reason: string }[];
	/** Names of the public holiday on a Seoul date, or null. */
	holidayNames: (date: string) => readonly string[] | null;
	actor: { role: Role; schoolId: string | null };
	/** Minutes the actor's school already holds in this room during the request's Seoul month. */
	quotaUsedMinutes: number;
}

export type Rule = (ctx: RuleContext) => Violation[];

/** What the rules are for a room that has no rule row: the schema's defaults. */
export const DEFAULT_RULES: RoomRules = {
	granularityMinutes: 30,
	minMinutes: 30,
	maxMinutes: 480,
	leadTimeMinutes: 60,
	horizonDays: 90,
	bufferBeforeMinutes: 0,
	bufferAfterMinutes: 0,
	requiresApproval: false,
	allowedRoles: [],
	allowedSchoolIds: [],
	monthlyQuotaMinutes: null,
	closedOnHolidays: true,
	cancelCutoffMinutes: 60
};
