/** Fixed tables of trainings, shared by the schema, the forms and the API. */
export const AUDIENCES = ['principal', 'vice_principal', 'head_teacher', 'administrator', 'office_staff', 'other'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const SESSION_MODES = ['first_come', 'lottery'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/**
 * Where a registration stands. Holding a seat or a place in line: confirmed, waitlisted,
 * pending_draw (a lottery's request before its draw). After: cancelled (by the school or staff),
 * declined (a promoted person said no), attended, no_show.
 */
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'pending_draw', 'cancelled', 'declined', 'attended', 'no_show'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** The statuses that hold a person to a session: one person, one of them per programme. */
export const HOLDING_REGISTRATION = ['confirmed', 'waitlisted', 'pending_draw'] as const;

/** A session's capacity: up to several thousand (an auditorium of 1,500 and more). */
export const CAPACITY_MAX = 10_000;
/** At most this many people in one registration request. */
export const PARTICIPANTS_MAX = 50;
