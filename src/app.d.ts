import type { Logger } from 'pino';
import type { SessionUser } from '$lib/server/auth/sessions';
import type { Session } from '$lib/server/db/schema';
import type { Contrast, TextSize } from '$lib/display';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			log: Logger;
			user: SessionUser | null;
			session: Session | null;
			ui: { contrast: Contrast; text: TextSize };
			/** Set by handleError when the database could not serve the request: answered 503. */
			databaseUnavailable?: boolean;
		}
		interface PageData {
			/** The page's own name for the last breadcrumb (a room's name), instead of its route's generic label. */
			breadcrumb?: string;
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
