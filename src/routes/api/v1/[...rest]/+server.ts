import { problem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** Unknown API paths answer in problem+json too, not with the HTML 404 page. */
export const fallback: RequestHandler = () => problem(404, 'not-found', 'error_not_found_title');
