import { eq } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import type { Locale } from '../../time/format';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import type { Executor } from '../db';
import { appUser, department, room, school, type Reservation } from '../db/schema';
import type { Created, Loaded, Notice } from '../engine';
import type { Words, WordsForMany } from '../engine/transitions';
import { letter, links, when, type Fact, type Mail } from '../notifications/letter';
import type { RoomWithRules } from './store';

/**
 * Every e-mail about a room booking, each composed per language (the outbox sends each reader
 * theirs): the booker's confirmation of a booking or request, the facility staff's notice of a
 * request to decide, and the booker's mail on every decision (approved, rejected, cancelled,
 * cancelled for a closure, lapsed, moved) and the reminder the day before. Each links to the
 * booking (`/my/bookings#booking-<id>`, and its .ics) or, for staff, to the approval queue.
 */

export interface RoomNames {
	nameKo: string;
	nameEn: string;
}

const roomName = (names: RoomNames, locale: Locale) => (locale === 'en' ? names.nameEn : names.nameKo);

/** The room of a hold, or null when the resource is not a room (another service's booking). */
export async function roomNamesOf(tx: Executor, resourceId: string): Promise<RoomNames | null> {
	const [names] = await tx.select({ nameKo: room.nameKo, nameEn: room.nameEn }).from(room).where(eq(room.resourceId, resourceId));
	return names ?? null;
}

const bookingLinks = (id: string, locale: Locale) => [
	m.email_link_booking({ url: links.booking(id) }, { locale }),
	m.email_link_ics({ url: links.bookingIcs(id) }, { locale })
];

function roomFacts(names: RoomNames, times: { start: Date | string; end: Date | string }[], locale: Locale): Fact[] {
	const said = times.map((t) => when(t.start, t.end, locale));
	return [
		{ label: m.email_label_room({}, { locale }), value: roomName(names, locale) },
		{ label: m.email_label_when({}, { locale }), value: said.length === 1 ? said[0]! : said }
	];
}

/** The booker's subject and lead sentence, by what the booking became and whether it is a series. */
const BOOKER_WORDS = {
	confirmed: {
		one: { subject: m.email_booking_confirmed_subject, lead: m.email_booking_confirmed_lead },
		series: { subject: m.email_series_confirmed_subject, lead: m.email_series_confirmed_lead }
	},
	requested: {
		one: { subject: m.email_booking_requested_subject, lead: m.email_booking_requested_lead },
		series: { subject: m.email_series_requested_subject, lead: m.email_series_requested_lead }
	}
} as const;

/**
 * The mails of a new booking or series: the booker's confirmation (or receipt of a request), and
 * for a request, a notice to every active facility manager. A series is one mail listing its
 * dates and the ones it could not book.
 */
export async function bookingNotices(
	actor: SessionUser,
	loaded: Loaded<RoomWithRules>,
	created: Created,
	tx: Executor
): Promise<Notice[]> {
	const names = loaded.target.room;
	const first = created.created[0];
	if (!first) return [];
	const requested = loaded.status === 'requested';
	const series = created.seriesId !== null;
	const { bookedBy, schoolId, purpose, attendees } = loaded.details;
	const bookerRow = bookedBy === actor.id ? { name: actor.name, departmentCode: actor.departmentCode ?? null } : await bookerOf(tx, bookedBy);
	const bookerName = bookerRow.name;
	const times = created.created;
	const { skipped } = created;

	const booker: Mail = {
		kind: requested ? 'booking_requested' : 'booking_confirmed',
		compose: (locale) => {
			const words = BOOKER_WORDS[requested ? 'requested' : 'confirmed'][series ? 'series' : 'one'];
			const facts = roomFacts(names, times, locale);
			if (skipped.length) facts.push({ label: m.email_label_skipped({}, { locale }), value: skipped.map((s) => when(s.start, s.end, locale)) });
			return letter(locale, {
				subject: words.subject({ room: roomName(names, locale) }, { locale }),
				name: bookerName,
				lead: words.lead({}, { locale }),
				facts,
				links: bookingLinks(first.id, locale)
			});
		}
	};
	// Booked by staff on behalf of a school: the school's own users hear of it too.
	const forSchool =
		schoolId && actor.schoolId !== schoolId
			? await schoolBookedNotice(schoolId, bookerName, names, times, first.id, loaded.status, tx)
			: null;
	const schoolNotices = forSchool ? [forSchool] : [];
	if (!requested) return [{ to: { userId: bookedBy }, mail: booker }, ...schoolNotices];

	const schoolNames = schoolId ? await schoolNamesOf(tx, schoolId) : null;
	// Facility staff read a Reconciliation & Mediation booking's purpose as "in use by R&M" (the permission table decides).
	const purposeShown = can(FACILITY_READER, 'reservations.read_purpose', { userId: bookedBy, bookerDepartmentCode: bookerRow.departmentCode, schoolId });
	const staff: Mail = {
		kind: 'staff_approval_needed',
		compose: (locale) =>
			letter(locale, {
				subject: m.email_staff_request_subject({ room: roomName(names, locale), when: when(first.start, first.end, locale) }, { locale }),
				greeting: m.email_staff_greeting({}, { locale }),
				lead: series ? m.email_staff_series_request_lead({}, { locale }) : m.email_staff_request_lead({}, { locale }),
				facts: [
					...roomFacts(names, times, locale),
					{
						label: m.email_label_booker({}, { locale }),
						value: schoolNames ? `${bookerName} (${locale === 'en' ? schoolNames.nameEn : schoolNames.nameKo})` : bookerName
					},
					{ label: m.email_label_purpose({}, { locale }), value: purposeShown ? purpose : m.sec_mediation_in_use({}, { locale }) },
					{ label: m.email_label_attendees({}, { locale }), value: m.email_attendees_value({ count: attendees }, { locale }) }
				],
				links: [m.email_link_approvals({ url: links.approvals() }, { locale })]
			})
	};
	return [
		{ to: { userId: bookedBy }, mail: booker },
		{ to: { role: 'facility_manager' }, mail: staff },
		...schoolNotices
	];
}

/** Any facility manager, as the permission table sees them (the notice goes to all of them alike). */
const FACILITY_READER = { id: '', role: 'facility_manager', departmentId: null, schoolId: null } as const;

async function bookerOf(tx: Executor, userId: string): Promise<{ name: string; departmentCode: string | null }> {
	const [row] = await tx
		.select({ name: appUser.name, departmentCode: department.code })
		.from(appUser)
		.leftJoin(department, eq(department.id, appUser.departmentId))
		.where(eq(appUser.id, userId));
	return row ?? { name: '', departmentCode: null };
}

async function schoolNamesOf(tx: Executor, schoolId: string) {
	const [row] = await tx.select({ nameKo: school.nameKo, nameEn: school.nameEn }).from(school).where(eq(school.id, schoolId));
	return row ?? null;
}

/** A staff decision on a request: approved, or rejected with the reason. */
export function decisionWords(outcome: 'confirmed' | 'rejected', reason: string | null, seen: (names: RoomNames) => void = () => {}): Words {
	return async (booking, booker, tx) => {
		const names = await roomNamesOf(tx, booking.resourceId);
		if (!names) return null;
		seen(names);
		const approved = outcome === 'confirmed';
		return {
			kind: approved ? 'reservation_approved' : 'reservation_rejected',
			compose: (locale) =>
				letter(locale, {
					subject: (approved ? m.facility_email_approved_subject : m.facility_email_rejected_subject)({ room: roomName(names, locale) }, { locale }),
					name: booker.name,
					lead: approved ? m.facility_email_approved_body({}, { locale }) : m.facility_email_rejected_body({}, { locale }),
					facts: [
						...roomFacts(names, [{ start: booking.startsAt, end: booking.endsAt }], locale),
						...(reason ? [{ label: m.email_label_reason({}, { locale }), value: reason }] : [])
					],
					links: approved ? bookingLinks(booking.id, locale) : [m.email_link_booking({ url: links.booking(booking.id) }, { locale })]
				})
		};
	};
}

/** A booking cancelled because its room closes at that time. */
export function closureWords(reason: string): Words {
	return async (booking, booker, tx) => {
		const names = await roomNamesOf(tx, booking.resourceId);
		if (!names) return null;
		return {
			kind: 'reservation_cancelled_closure',
			compose: (locale) =>
				letter(locale, {
					subject: m.facility_email_closure_subject({ room: roomName(names, locale) }, { locale }),
					name: booker.name,
					lead: m.facility_email_closure_body({}, { locale }),
					facts: [
						...roomFacts(names, [{ start: booking.startsAt, end: booking.endsAt }], locale),
						{ label: m.email_label_reason({}, { locale }), value: reason }
					],
					links: [m.email_link_booking({ url: links.booking(booking.id) }, { locale })]
				})
		};
	};
}

/** A booking (or the rest of a series) cancelled: by staff, with their reason, or by the booker, as a receipt. */
export function cancelWords(byStaff: boolean, reason: string | null): WordsForMany {
	return async (bookings, booker, tx) => {
		const names = await roomNamesOf(tx, bookings[0]!.resourceId);
		if (!names) return null;
		return {
			kind: byStaff ? 'reservation_cancelled_by_staff' : 'reservation_cancelled',
			compose: (locale) =>
				letter(locale, {
					subject: m.email_booking_cancelled_subject({ room: roomName(names, locale) }, { locale }),
					name: booker.name,
					lead: byStaff ? m.email_booking_cancelled_by_staff_lead({}, { locale }) : m.email_booking_cancelled_by_you_lead({}, { locale }),
					facts: [
						...roomFacts(names, bookings.map((b) => ({ start: b.startsAt, end: b.endsAt })), locale),
						...(reason ? [{ label: m.email_label_reason({}, { locale }), value: reason }] : [])
					],
					links: [m.email_link_booking({ url: links.booking(bookings[0]!.id) }, { locale })]
				})
		};
	};
}

/** A request nobody decided before it started: it no longer holds the time. Other services' bookings are not the room's to word. */
export const lapsedWords: Words = async (booking, booker, tx) => {
	const names = await roomNamesOf(tx, booking.resourceId);
	if (!names) return null;
	return {
		kind: 'reservation_lapsed',
		compose: (locale) =>
			letter(locale, {
				subject: m.email_booking_lapsed_subject({ room: roomName(names, locale) }, { locale }),
				name: booker.name,
				lead: m.email_booking_lapsed_lead({}, { locale }),
				facts: roomFacts(names, [{ start: booking.startsAt, end: booking.endsAt }], locale),
				links: [m.email_link_booking({ url: links.booking(booking.id) }, { locale })]
			})
	};
};

/**
 * The booker's e-mail when staff moved their booking: the time (and room, when `from` is another
 * room than the target's) before and now.
 */
export function movedWords(target: RoomWithRules, before: Reservation, from: RoomNames = target.room): Words {
	const names = target.room;
	const roomChanged = from.nameKo !== names.nameKo || from.nameEn !== names.nameEn;
	const place = (room: RoomNames, start: Date, end: Date, locale: Locale) =>
		roomChanged ? `${roomName(room, locale)}, ${when(start, end, locale)}` : when(start, end, locale);
	return async (moved, booker) => ({
		kind: 'booking_moved',
		compose: (locale) =>
			letter(locale, {
				subject: m.email_booking_moved_subject({}, { locale }),
				name: booker.name,
				lead: m.email_booking_moved_body({ room: roomName(from, locale) }, { locale }),
				facts: [
					...(roomChanged ? [] : [{ label: m.email_label_room({}, { locale }), value: roomName(names, locale) }]),
					{ label: m.email_label_before({}, { locale }), value: place(from, before.startsAt, before.endsAt, locale) },
					{ label: m.email_label_after({}, { locale }), value: place(names, moved.startsAt, moved.endsAt, locale) }
				],
				links: bookingLinks(moved.id, locale)
			})
	});
}

/** The reminder of a confirmed booking, the day before it. */
export function reminderMail(booking: Pick<Reservation, 'id' | 'startsAt' | 'endsAt'>, names: RoomNames, bookerName: string): Mail {
	return {
		kind: 'reservation_reminder',
		compose: (locale) =>
			letter(locale, {
				subject: m.email_reminder_subject({ room: roomName(names, locale) }, { locale }),
				name: bookerName,
				lead: m.email_reminder_lead({}, { locale }),
				facts: roomFacts(names, [{ start: booking.startsAt, end: booking.endsAt }], locale),
				links: bookingLinks(booking.id, locale)
			})
	};
}

/**
 * The booker's e-mail when their booking was edited in place (by them: a receipt; by staff: with
 * whom to ask): room and time before and now, purpose and people now, and, when it needs approval
 * again, that it waits for a decision.
 */
export function editedWords(target: RoomWithRules, before: Reservation, from: RoomNames, byStaff: boolean): Words {
	const names = target.room;
	return async (edited, booker) => ({
		kind: 'booking_edited',
		compose: (locale) => {
			const place = (room: RoomNames, start: Date, end: Date) => `${roomName(room, locale)}, ${when(start, end, locale)}`;
			const lead = byStaff ? m.email_booking_edited_by_staff_lead({}, { locale }) : m.email_booking_edited_by_you_lead({}, { locale });
			const pending = edited.status === 'requested' && before.status !== 'requested';
			return letter(locale, {
				subject: m.email_booking_edited_subject({ room: roomName(names, locale) }, { locale }),
				name: booker.name,
				lead: pending ? `${lead} ${m.email_booking_edited_pending_note({}, { locale })}` : lead,
				facts: [
					{ label: m.email_label_before({}, { locale }), value: place(from, before.startsAt, before.endsAt) },
					{ label: m.email_label_after({}, { locale }), value: place(names, edited.startsAt, edited.endsAt) },
					{ label: m.email_label_purpose({}, { locale }), value: edited.purpose },
					{ label: m.email_label_attendees({}, { locale }), value: m.email_attendees_value({ count: edited.attendees }, { locale }) }
				],
				links: bookingLinks(edited.id, locale)
			});
		}
	});
}

/** An edited booking waiting for a decision again: every active facility manager is told, as of a new request. */
export async function editedRequestNotices(target: RoomWithRules, edited: Reservation, tx: Executor): Promise<Notice[]> {
	const names = target.room;
	const booker = await bookerOf(tx, edited.bookedBy);
	const schoolNames = edited.schoolId ? await schoolNamesOf(tx, edited.schoolId) : null;
	const purposeShown = can(FACILITY_READER, 'reservations.read_purpose', {
		userId: edited.bookedBy,
		bookerDepartmentCode: booker.departmentCode,
		schoolId: edited.schoolId
	});
	const mail: Mail = {
		kind: 'staff_approval_needed',
		compose: (locale) =>
			letter(locale, {
				subject: m.email_staff_request_subject({ room: roomName(names, locale), when: when(edited.startsAt, edited.endsAt, locale) }, { locale }),
				greeting: m.email_staff_greeting({}, { locale }),
				lead: m.email_staff_edited_request_lead({}, { locale }),
				facts: [
					...roomFacts(names, [{ start: edited.startsAt, end: edited.endsAt }], locale),
					{
						label: m.email_label_booker({}, { locale }),
						value: schoolNames ? `${booker.name} (${locale === 'en' ? schoolNames.nameEn : schoolNames.nameKo})` : booker.name
					},
					{ label: m.email_label_purpose({}, { locale }), value: purposeShown ? edited.purpose : m.sec_mediation_in_use({}, { locale }) },
					{ label: m.email_label_attendees({}, { locale }), value: m.email_attendees_value({ count: edited.attendees }, { locale }) }
				],
				links: [m.email_link_approvals({ url: links.approvals() }, { locale })]
			})
	};
	return [{ to: { role: 'facility_manager' }, mail }];
}

/**
 * A booking facility staff made on behalf of a school: every active user of that school is told
 * who booked what for them (the staff member gets the usual confirmation as its booker).
 */
async function schoolBookedNotice(
	schoolId: string,
	staffName: string,
	names: RoomNames,
	times: { start: Date | string; end: Date | string }[],
	firstId: string,
	status: 'requested' | 'confirmed',
	tx: Executor
): Promise<Notice | null> {
	const schoolNames = await schoolNamesOf(tx, schoolId);
	if (!schoolNames) return null;
	return {
		to: { schoolId },
		mail: {
			kind: status === 'requested' ? 'school_booking_requested' : 'school_booking_confirmed',
			compose: (locale) =>
				letter(locale, {
					subject: m.email_school_booked_subject({ room: roomName(names, locale) }, { locale }),
					greeting: m.email_school_greeting({ school: locale === 'en' ? schoolNames.nameEn : schoolNames.nameKo }, { locale }),
					lead: m.email_school_booked_lead({ staff: staffName }, { locale }),
					facts: roomFacts(names, times, locale),
					links: [m.email_link_booking({ url: links.booking(firstId) }, { locale })]
				})
		}
	};
}
