import type { Logger } from 'pino';
import type { SessionUser } from '$lib/server/auth/sessions';
import type { Session } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			log: Logger;
			user: SessionUser | null;
			session: Session | null;
			ui: { contrast: 'normal' | 'high'; text: 'normal' | 'large' };
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
