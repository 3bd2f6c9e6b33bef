import { config } from '$lib/server/config';
import { requirePermission } from '$lib/server/guards';
import * as outbox from '$lib/server/notifications/outbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'outbox.view');
	const [messages, counts] = await Promise.all([outbox.list({ limit: 100 }), outbox.counts()]);
	return { messages, counts, smtpConfigured: Boolean(config.smtpUrl || config.mailDir) };
};
