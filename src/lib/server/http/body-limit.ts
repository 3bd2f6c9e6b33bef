/**
 * The largest request body adapter-node accepts (BODY_SIZE_LIMIT, read the way the adapter reads
 * it: bytes, or with a K, M or G suffix; "Infinity" for none). A bigger upload is answered 413
 * before any route sees it, so a page that takes files tells the browser the limit beforehand.
 */
const UNITS: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 };
export const DEFAULT_BODY_SIZE_LIMIT = 512 * 1024;

export function bodySizeLimit(value: string | undefined = process.env.BODY_SIZE_LIMIT): number {
	if (!value) return DEFAULT_BODY_SIZE_LIMIT;
	if (value === 'Infinity') return Number.POSITIVE_INFINITY;
	const match = /^(\d+)([KMG])?$/i.exec(value.trim());
	if (!match) return DEFAULT_BODY_SIZE_LIMIT;
	return Number(match[1]) * (match[2] ? UNITS[match[2].toUpperCase()]! : 1);
}
