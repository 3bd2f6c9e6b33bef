/**
 * Availability of any resource: its opening hours, the public holidays and the closures of it or
 * of the whole building. Pure checks here; the closures that overlap a request come from
 * availability.store.ts.
 */
export { checkClosures } from './closures';
export { checkHoliday } from './holidays';
export { checkOpeningHours } from './opening-hours';
export { holidayNames, LAST_KNOWN_YEAR } from './holiday-calendar';
export { closuresOverlapping, weeklyHoursOf } from './availability.store';
export type { AvailabilityCheck, AvailabilityContext, ClosureSpan, WeeklyHours } from './types';
