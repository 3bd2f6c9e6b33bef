const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `value` can be a uuid key: checked before a query (and by the `[id=uuid]` route
 * matcher), so a malformed id is "not found", not a database error. Shared with the browser
 * because route matchers run there too.
 */
export function isUuid(value: string): boolean {
	return UUID.test(value);
}
