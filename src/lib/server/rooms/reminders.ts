import { sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { rowsOf } from '../db/sql';
import { dueDayBefore, notQueued, type ReminderSource } from '../reminders';
import { reminderMail } from './notify';

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

/**
 * Room bookings are reminded once, on the day before they start (`dueDayBefore`). A booking
 * confirmed later that day (made, approved or moved to tomorrow) gets it at the next poll. Only
 * confirmed bookings: a cancelled, rejected or still-pending one is not reminded, a moved one is
 * reminded of its new start. A consultation's room hold is not a booking of its own (its
 * principal hold is the consultant's): consultations remind through their own source.
 */
export const roomReminders: ReminderSource = {
	name: SOURCE,
	async due(tx: Executor, now: Date, limit: number) {
		const result = await tx.execute(sql`
			select r.id, r.booked_by, r.starts_at, r.ends_at, rm.name_ko, rm.name_en, u.name as booker_name
			from reservation r
			join room rm on rm.resource_id = r.resource_id
			join app_user u on u.id = r.booked_by
			where r.status = 'confirmed'
				and r.id = coalesce(r.booking_id, r.id)
				and ${dueDayBefore(sql`r.starts_at`, now)}
				and ${notQueued(SOURCE, sql`r.id`, sql`r.starts_at`)}
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
