import * as m from '$lib/paraglide/messages';
import type { Locale } from '../../time/format';
import type { SessionUser } from '../auth/sessions';
import type { Executor } from '../db';
import type { Reservation } from '../db/schema';
import type { Created, Loaded, Notice } from '../engine';
import { config } from '../config';
import { letter, when, type Fact, type Mail } from '../notifications/letter';
import { REFERENCE_PLACEHOLDER } from '../notifications/outbox';
import type { ConsultationTarget } from './policy';

/**
 * Every e-mail about a consultation, each composed per language (the outbox sends each reader
 * theirs): the school's confirmation or receipt, the department's notice of a request to confirm,
 * and the school's mail on each change the department makes. Each links to the consultation
 * (`/consultations/<id>`) and its .ics. Case text (the description, the note) is never in a mail.
 */

export const consultationLinks = {
	page: (id: string) => new URL(`/consultations/${id}`, config.origin).toString(),
	ics: (id: string) => new URL(`/consultations/${id}/ics`, config.origin).toString(),
	queue: () => new URL('/department', config.origin).toString()
};

export interface ConsultationFacts {
	reference: string;
	departmentKo: string;
	departmentEn: string;
	topicKo: string;
	topicEn: string;
	consultantName: string;
	mode: string;
	roomKo: string | null;
	roomEn: string | null;
	start: Date | string;
	end: Date | string;
}

export const modeLabel = (mode: string, locale: Locale) =>
	mode === 'visit' ? m.consultation_mode_visit({}, { locale }) : mode === 'video' ? m.consultation_mode_video({}, { locale }) : m.consultation_mode_phone({}, { locale });

export function factsOf(f: ConsultationFacts, locale: Locale): Fact[] {
	const en = locale === 'en';
	return [
		{ label: m.consultation_label_reference({}, { locale }), value: f.reference },
		{ label: m.consultation_label_department({}, { locale }), value: en ? f.departmentEn : f.departmentKo },
		{ label: m.consultation_label_topic({}, { locale }), value: en ? f.topicEn : f.topicKo },
		{ label: m.email_label_when({}, { locale }), value: when(f.start, f.end, locale) },
		{ label: m.consultation_label_mode({}, { locale }), value: modeLabel(f.mode, locale) + (f.roomKo ? ` · ${en ? f.roomEn : f.roomKo}` : '') },
		{ label: m.consultation_label_consultant({}, { locale }), value: f.consultantName }
	];
}

const links = (id: string, locale: Locale) => [
	m.email_link_booking({ url: consultationLinks.page(id) }, { locale }),
	m.email_link_ics({ url: consultationLinks.ics(id) }, { locale })
];


/**
 * The mails of a new consultation: the school's confirmation (or receipt of a request), and, for a
 * request, a notice to the department's staff.
 */
export async function consultationNotices(actor: SessionUser, loaded: Loaded<ConsultationTarget>, created: Created, _tx: Executor): Promise<Notice[]> {
	const { target } = loaded;
	const booked = created.created[0]!;
	const facts = (locale: Locale) =>
		factsOf(
			{
				// Numbered by the booking's own statement, which writes it into the mail (outbox.ts).
				reference: REFERENCE_PLACEHOLDER,
				departmentKo: target.department.nameKo,
				departmentEn: target.department.nameEn,
				topicKo: target.topic.nameKo,
				topicEn: target.topic.nameEn,
				consultantName: target.consultant.name,
				mode: target.input.mode,
				roomKo: target.room?.nameKo ?? null,
				roomEn: target.room?.nameEn ?? null,
				start: booked.start,
				end: booked.end
			},
			locale
		);
	const requested = loaded.status === 'requested';
	const toSchool: Mail = {
		kind: requested ? 'consultation_requested' : 'consultation_confirmed',
		compose: (locale) =>
			letter(locale, {
				subject: requested ? m.email_consultation_requested_subject({}, { locale }) : m.email_consultation_confirmed_subject({}, { locale }),
				name: actor.name,
				lead: requested ? m.email_consultation_requested_lead({}, { locale }) : m.email_consultation_confirmed_lead({}, { locale }),
				facts: facts(locale),
				links: links(booked.id, locale)
			})
	};
	const notices: Notice[] = [{ to: { userId: actor.id }, mail: toSchool }];
	if (requested)
		notices.push({
			to: { departmentId: target.department.id },
			mail: {
				kind: 'consultation_request_to_confirm',
				compose: (locale) =>
					letter(locale, {
						subject: m.email_consultation_to_confirm_subject({}, { locale }),
						greeting: m.email_consultation_to_confirm_greeting({ department: locale === 'en' ? target.department.nameEn : target.department.nameKo }, { locale }),
						lead: m.email_consultation_to_confirm_lead({}, { locale }),
						facts: facts(locale),
						links: [m.email_link_queue({ url: consultationLinks.queue() }, { locale })]
					})
			}
		});
	return notices;
}

/** The school's mail about a change the department made, with the consultation's facts. */
export function changeMail(kind: 'confirmed' | 'cancelled' | 'rescheduled' | 'reassigned', facts: ConsultationFacts, booking: Reservation, reason: string | null, name: string): Mail {
	const words = {
		confirmed: [m.email_consultation_decided_subject, m.email_consultation_decided_lead],
		cancelled: [m.email_consultation_cancelled_subject, m.email_consultation_cancelled_lead],
		rescheduled: [m.email_consultation_rescheduled_subject, m.email_consultation_rescheduled_lead],
		reassigned: [m.email_consultation_reassigned_subject, m.email_consultation_reassigned_lead]
	}[kind];
	return {
		kind: `consultation_${kind}`,
		compose: (locale) =>
			letter(locale, {
				subject: words[0]!({}, { locale }),
				name,
				lead: words[1]!({}, { locale }),
				facts: [
					...factsOf(facts, locale),
					...(reason ? [{ label: m.email_label_reason({}, { locale }), value: reason }] : [])
				],
				links: kind === 'cancelled' ? [] : links(booking.bookingId ?? booking.id, locale)
			})
	};
}
