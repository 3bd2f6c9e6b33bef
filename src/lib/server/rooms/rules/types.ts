import type { Role } from '../../../roles';
import type { AvailabilityContext, WeeklyHours } from '../../engine/availability';
import type { Violation } from '../../errors';

export type { WeeklyHours };

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

/**
 * Everything a room rule needs, gathered before the rules run; rules themselves never query. The
 * room's availability (hours, closures, holidays) is checked by the engine's checks on the same context.
 */
export interface RuleContext extends AvailabilityContext {
	now: Date;
	request: { start: Date; end: Date; attendees: number };
	room: { capacity: number };
	rules: RoomRules;
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
