/**
 * A department's code: its stable key in code and addresses (`education`, `mediation`, …). Shared
 * by the route matcher (which runs in the browser too: no Zod here) and the input schemas.
 */
export const DEPARTMENT_CODE_PATTERN = /^[a-z][a-z_]{0,39}$/;
