/**
 * A uuid of any version, either case: the one pattern the route matcher, the services and the
 * input schemas share. No `g` flag, so `.test` keeps no state between callers.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `value` can be a uuid key: checked before a query (and by the `[id=uuid]` route
 * matcher), so a malformed id is "not found", not a database error. Shared with the browser
 * because route matchers run there too.
 */
export function isUuid(value: string): boolean {
	return UUID_PATTERN.test(value);
}
