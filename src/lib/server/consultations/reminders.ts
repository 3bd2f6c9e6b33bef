import { sql } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import type { Executor } from '../db';
import { rowsOf } from '../db/sql';
import { letter, type Mail } from '../notifications/letter';
import { dueDayBefore, notQueued, type ReminderSource } from '../reminders';
import { consultationLinks, factsOf, type ConsultationFacts } from './notify';

const SOURCE = 'consultations';

interface DueRow {
	id: string;
	booked_by: string;
	booker_name: string;
	starts_at: string | Date;
	ends_at: string | Date;
	reference: string;
	mode: string;
	topic_ko: string;
	topic_en: string;
	department_ko: string;
	department_en: string;
	consultant_name: string;
	room_ko: string | null;
	room_en: string | null;
}

/** The booker's reminder of tomorrow's consultation: its facts and links, never its case text. */
export function consultationReminderMail(id: string, facts: ConsultationFacts, bookerName: string): Mail {
	return {
		kind: 'consultation_reminder',
		compose: (locale) =>
			letter(locale, {
				subject: m.email_consultation_reminder_subject({ topic: locale === 'en' ? facts.topicEn : facts.topicKo }, { locale }),
				name: bookerName,
				lead: m.email_consultation_reminder_lead({}, { locale }),
				facts: factsOf(facts, locale),
				links: [m.email_link_booking({ url: consultationLinks.page(id) }, { locale }), m.email_link_ics({ url: consultationLinks.ics(id) }, { locale })]
			})
	};
}

/**
 * Consultations are reminded like room bookings (the one mechanism, `dueDayBefore`): once, the
 * day before, confirmed ones only, of their current start. The principal hold is the consultant's;
 * the room hold of an in-person consultation is part of it, not a booking of its own.
 */
export const consultationReminders: ReminderSource = {
	name: SOURCE,
	async due(tx: Executor, now: Date, limit: number) {
		const result = await tx.execute(sql`
			select r.id, r.booked_by, u.name as booker_name, r.starts_at, r.ends_at, c.reference, c.mode,
				t.name_ko as topic_ko, t.name_en as topic_en, d.name_ko as department_ko, d.name_en as department_en,
				cu.name as consultant_name, rm.name_ko as room_ko, rm.name_en as room_en
			from reservation r
			join consultation c on c.id = r.id
			join consultation_topic t on t.id = c.topic_id
			join department d on d.id = c.department_id
			join consultant k on k.resource_id = c.consultant_id
			join app_user cu on cu.id = k.user_id
			join app_user u on u.id = r.booked_by
			left join room rm on rm.resource_id = c.room_id
			where r.status = 'confirmed'
				and ${dueDayBefore(sql`r.starts_at`, now)}
				and ${notQueued(SOURCE, sql`r.id`, sql`r.starts_at`)}
			order by r.starts_at, r.id
			limit ${limit}
			for update of r skip locked`);
		return rowsOf<DueRow>(result).map((row) => {
			const facts: ConsultationFacts = {
				reference: row.reference,
				departmentKo: row.department_ko,
				departmentEn: row.department_en,
				topicKo: row.topic_ko,
				topicEn: row.topic_en,
				consultantName: row.consultant_name,
				mode: row.mode,
				roomKo: row.room_ko,
				roomEn: row.room_en,
				start: new Date(row.starts_at),
				end: new Date(row.ends_at)
			};
			return { subjectId: row.id, startsAt: facts.start as Date, userId: row.booked_by, mail: consultationReminderMail(row.id, facts, row.booker_name) };
		});
	}
};
