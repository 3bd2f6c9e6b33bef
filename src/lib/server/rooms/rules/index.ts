import type { Violation } from '../../errors';
import { checkCapacity } from './capacity';
import { checkClosures, checkHoliday, checkOpeningHours } from '../../engine/availability';
import { checkEligibility } from './eligibility';
import { checkGranularity } from './granularity';
import { checkHorizon } from './horizon';
import { checkLeadTime } from './lead-time';
import { checkLength } from './length';
import { checkQuota } from './quota';
import type { Rule, RuleContext } from './types';

export { DEFAULT_RULES, type RoomRules, type RuleContext, type WeeklyHours } from './types';

/** Every room booking rule (the engine's availability checks among them), in the order users read their violations. */
export const RULES: Rule[] = [
	checkEligibility,
	checkLeadTime,
	checkHorizon,
	checkHoliday,
	checkOpeningHours,
	checkClosures,
	checkGranularity,
	checkLength,
	checkCapacity,
	checkQuota
];

/** All broken rules at once, so the user can fix everything in one go. */
export function checkBooking(ctx: RuleContext): Violation[] {
	return RULES.flatMap((rule) => rule(ctx));
}
