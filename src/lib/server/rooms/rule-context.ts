import type { SessionUser } from '../auth/sessions';
import { db, type Executor } from '../db';
import { closuresOverlapping, holidayNames } from '../engine/availability';
import { quotaUsedMinutes } from './quota';
import type { RuleContext } from './rules';
import type { RoomWithRules } from './store';

/** Everything the room rules need for one request (a series gathers it for all occurrences at once: series.ts). */
export async function ruleContext(
	target: RoomWithRules,
	actor: Pick<SessionUser, 'role' | 'schoolId'>,
	request: RuleContext['request'],
	now: Date,
	executor: Executor = db
): Promise<RuleContext> {
	const [closures, used] = await Promise.all([
		closuresOverlapping(target.room.resourceId, request.start, request.end, executor),
		quotaUsedMinutes(target.room.resourceId, actor.schoolId, request.start, executor)
	]);
	return contextOf(target, actor, request, now, closures, used);
}

export function contextOf(
	target: RoomWithRules,
	actor: Pick<SessionUser, 'role' | 'schoolId'>,
	request: RuleContext['request'],
	now: Date,
	closures: RuleContext['closures'],
	used: number
): RuleContext {
	return {
		now,
		request,
		room: { capacity: target.room.capacity },
		rules: target.rules,
		openingHours: target.hours,
		closures,
		holidayNames,
		actor: { role: actor.role, schoolId: actor.schoolId },
		quotaUsedMinutes: used
	};
}
