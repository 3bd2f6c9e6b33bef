import { DomainError } from '../errors';

/**
 * Request bodies nest no deeper than this (ours nest 3 levels). Deeper bodies are refused before
 * anything walks them: a recursive walk (JSON.stringify, a validator) of a body nested a
 * hundred thousand levels overflows the stack.
 */
export const MAX_JSON_DEPTH = 32;

export class JsonTooDeepError extends DomainError {
	constructor() {
		super(400, 'json-too-deep', 'sec_json_too_deep');
	}
}

/**
 * The largest JSON body the API reads (512 kB, adapter-node's own default). The server's
 * BODY_SIZE_LIMIT is larger (12M by `npm start`) for photo uploads and CSV imports; API bodies
 * are never that big, so they keep the small limit whatever the server's.
 */
export const API_BODY_MAX_BYTES = 512 * 1024;

export class PayloadTooLargeError extends DomainError {
	constructor() {
		super(413, 'payload-too-large', 'sec_payload_too_large');
	}
}

/** The body's depth exceeds `maxDepth` (a scalar is depth 0, `[]` and `{}` depth 1); iterative. */
export function jsonTooDeep(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
	const stack: [unknown, number][] = [[value, 0]];
	while (stack.length) {
		const [v, depth] = stack.pop()!;
		if (v === null || typeof v !== 'object') continue;
		if (depth + 1 > maxDepth) return true;
		for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
	}
	return false;
}

type Step = { value: unknown; depth: number } | string;

/**
 * JSON with object keys sorted, so two requests that differ only in key order are the same
 * request. Iterative (an explicit stack, not recursion) and depth-bounded: throws
 * JsonTooDeepError instead of overflowing the stack.
 */
export function canonicalJson(value: unknown, maxDepth = MAX_JSON_DEPTH): string {
	const out: string[] = [];
	const stack: Step[] = [{ value, depth: 0 }];
	while (stack.length) {
		const step = stack.pop()!;
		if (typeof step === 'string') {
			out.push(step);
			continue;
		}
		let v = step.value;
		if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
			v = (v as { toJSON(): unknown }).toJSON();
		if (v === null || typeof v !== 'object') {
			// undefined and functions are null, as inside a JSON array.
			out.push(JSON.stringify(v) ?? 'null');
			continue;
		}
		if (step.depth + 1 > maxDepth) throw new JsonTooDeepError();
		const depth = step.depth + 1;
		// Pushed in reverse: the stack pops them in order.
		if (Array.isArray(v)) {
			out.push('[');
			stack.push(']');
			for (let i = v.length - 1; i >= 0; i--) {
				stack.push({ value: v[i], depth });
				if (i > 0) stack.push(',');
			}
		} else {
			const entries = Object.entries(v)
				.filter(([, child]) => child !== undefined && typeof child !== 'function')
				.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
			out.push('{');
			stack.push('}');
			for (let i = entries.length - 1; i >= 0; i--) {
				const [key, child] = entries[i]!;
				stack.push({ value: child, depth });
				stack.push(`${JSON.stringify(key)}:`);
				if (i > 0) stack.push(',');
			}
		}
	}
	return out.join('');
}

/** SvelteKit (adapter-node's BODY_SIZE_LIMIT) fails the body stream with a 413 error. */
export function isPayloadTooLarge(error: unknown): boolean {
	return error instanceof Error && (error as { status?: unknown }).status === 413;
}
