import type { SessionUser } from '../auth/sessions';
import { can } from '../auth/permissions';
import { ForbiddenError } from '../errors';

/** Visit coordinators (and admins) run the visits: everyone else is refused (403). */
export function ensureCoordinator(actor: SessionUser): void {
	if (!can(actor, 'visits.manage')) throw new ForbiddenError();
}
