import { sql } from 'drizzle-orm';
import * as audit from '../audit';
import { MEDIATION_DEPARTMENT_CODE } from '../auth/permissions';
import * as clock from '../clock';
import { config } from '../config';
import { db } from '../db';
import { instant, rowsOf } from '../db/sql';

const DAY_MS = 24 * 60 * 60 * 1000;
export const RETENTION_BATCH = 200;

/**
 * Erase the case text (description, outcome note) of 화해조정부 consultations that ended more
 * than `days` ago (whatever their status: completed, no-show, cancelled), in batches. The row
 * stays, with its topic, mode, times and status, so counts and reports keep it; `case_erased_at`
 * says when. Each batch is claimed FOR UPDATE SKIP LOCKED, so two processes running the job at
 * once erase disjoint rows and neither waits; one audit row per batch names the erased cases.
 * Returns how many were erased.
 */
export async function eraseExpiredCases({ days = config.caseRetentionDays, batchSize = RETENTION_BATCH } = {}): Promise<number> {
	let erased = 0;
	for (;;) {
		const ids = await db.transaction(async (tx) => {
			const now = clock.now();
			const before = new Date(now.getTime() - days * DAY_MS);
			const result = await tx.execute(sql`
				update consultation set description = null, outcome_note = null, case_erased_at = ${instant(now)}
				where id in (
					select c.id from consultation c
					join reservation r on r.id = c.id
					join department d on d.id = c.department_id
					where d.code = ${MEDIATION_DEPARTMENT_CODE} and c.case_erased_at is null and r.ends_at < ${instant(before)}
					order by r.ends_at, c.id
					limit ${batchSize}
					for update of c skip locked
				)
				returning id, reference`);
			const rows = rowsOf<{ id: string; reference: string }>(result);
			if (rows.length)
				await audit.record(tx, {
					actorId: null,
					action: 'consultation.case_erased',
					entity: 'consultation',
					entityId: null,
					after: { retentionDays: days, references: rows.map((r) => r.reference) }
				});
			return rows;
		});
		erased += ids.length;
		if (ids.length < batchSize) return erased;
	}
}
