import * as z from 'zod';
import { QUEUE_STATUSES } from '$lib/server/consultations/queue';

/** The queue's GET filters; anything unknown falls back to "all", so a hand-edited address still shows the list. */
export const queueQuery = z.object({
	consultant: z.uuid().optional().catch(undefined),
	status: z.enum(QUEUE_STATUSES).optional().catch(undefined)
});
