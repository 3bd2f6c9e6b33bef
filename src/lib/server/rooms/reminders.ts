import { sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { instant, rowsOf } from '../db/sql';
import type { ReminderSource } from '../reminders';
import { reminderMail } from './notify';

/**
 * Room bookings are reminded once, on the day before they start: from 09:00 Asia/Seoul that day
 * until midnight. A booking confirmed later that day (made, approved or moved to tomorrow) gets
 * it at the next poll; one that starts the same day it was made gets none (its confirmation
 * just went out); a worker that was down catches up until midnight. Only confirmed bookings:
 * a cancelled, rejected or still-pending one is not reminded, a moved one is reminded of its
 * new start.
 */
export const REMINDER_HOUR_SEOUL = 9;
/** Bookings starting within this long from now are the only candidates (the window is the day before). */
const LOOKAHEAD_MS = 2 * 24 * 60 * 60 * 1000;

const SOURCE = 'rooms';

interface DueRow {
	id: string;
	booked_by: string;
	starts_at: string | Date;
	ends_at: string | Date;
	name_ko: string;
	name_en: string;
	booker_name: string;
}

export const roomReminders: ReminderSource = {
	name: SOURCE,
	async due(tx: Executor, now: Date, limit: number) {
		const seoulDay = sql`(r.starts_at at time zone 'Asia/Seoul')::date`;
		const result = await tx.execute(sql`
			select r.id, r.booked_by, r.starts_at, r.ends_at, rm.name_ko, rm.name_en, u.name as booker_name
			from reservation r
			join room rm on rm.resource_id = r.resource_id
			join app_user u on u.id = r.booked_by
			where r.status = 'confirmed'
				and r.id = coalesce(r.booking_id, r.id)
				and r.starts_at > ${instant(now)} and r.starts_at < ${instant(new Date(now.getTime() + LOOKAHEAD_MS))}
				and ((${seoulDay} - 1) + make_time(${REMINDER_HOUR_SEOUL}::int, 0, 0)) at time zone 'Asia/Seoul' <= ${instant(now)}
				and ${seoulDay}::timestamp at time zone 'Asia/Seoul' > ${instant(now)}
				and not exists (
					select 1 from reminder s where s.source = ${SOURCE} and s.subject_id = r.id and s.starts_at = r.starts_at
				)
			order by r.starts_at, r.id
			limit ${limit}
			for update of r skip locked`);
		return rowsOf<DueRow>(result).map((row) => {
			const booking = { id: row.id, startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at) };
			return {
				subjectId: row.id,
				startsAt: booking.startsAt,
				userId: row.booked_by,
				mail: reminderMail(booking, { nameKo: row.name_ko, nameEn: row.name_en }, row.booker_name)
			};
		});
	}
};
