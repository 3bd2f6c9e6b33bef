import type { ParamMatcher } from '@sveltejs/kit';
import { DEPARTMENT_CODE_PATTERN } from '$lib/department-code';

/** `[code=department]`: a department code's shape, so a malformed one is a 404 before any load or action runs. */
export const match: ParamMatcher = (param) => DEPARTMENT_CODE_PATTERN.test(param);
