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
			/** Set by handleError when the database could not serve the request: answered 503. */
			databaseUnavailable?: boolean;
		}
		interface Error {
			message: string;
			requestId?: string;
			/** The database was unavailable (503): the page says so and offers to try again. */
			unavailable?: boolean;
		}
	}
}

export {};
