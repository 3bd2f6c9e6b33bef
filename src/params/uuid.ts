import type { ParamMatcher } from '@sveltejs/kit';
import { isUuid } from '$lib/uuid';

/**
 * `[id=uuid]`: a route whose id is not a uuid does not match, so SvelteKit answers 404 for its
 * page, its data and its form actions alike (and `/api/v1/...` falls through to the problem+json
 * 404 of `api/v1/[...rest]`), before any load, action or query runs.
 */
export const match: ParamMatcher = (param) => isUuid(param);
