import { json } from '@sveltejs/kit';
import { DomainError, TooManyRequestsError, ValidationError } from '../errors';
import { isDatabaseUnavailable, unavailableCode } from '../db/unavailable';
import { say, throttledMessage } from '../i18n';
import { log } from '../log';
import { Overloaded } from './admission';
import { API_BODY_MAX_BYTES, isPayloadTooLarge, JsonTooDeepError, jsonTooDeep, PayloadTooLargeError } from './json';

/** Stable problem types: clients switch on these, never on the (localized) title. */
export const PROBLEM_BASE = '/api/v1/problems/';

/** An RFC 9457 problem response; `title` is in the request's language. */
export function problem(
	status: number,
	type: string,
	titleKey: string,
	extra: Record<string, unknown> = {},
	headers: Record<string, string> = {}
): Response {
	return json(
		{ type: `${PROBLEM_BASE}${type}`, title: say(titleKey), status, ...extra },
		{ status, headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers } }
	);
}

/** Map what a service threw to a problem; anything unexpected is logged and becomes a 500. */
export function problemFromError(error: unknown, requestId?: string): Response {
	if (error instanceof ValidationError) {
		return problem(422, error.type, error.messageKey, {
			violations: error.violations.map((v) => ({ rule: v.rule, message: say(v.messageKey, v.params) })),
			...error.details
		});
	}
	if (error instanceof TooManyRequestsError) {
		const message = throttledMessage(error.retryAfterSeconds, error.messageKey);
		return problem(429, error.type, error.messageKey, { title: message, detail: message }, { 'retry-after': String(error.retryAfterSeconds) });
	}
	if (error instanceof DomainError) {
		// The title is said with the error's parameters too: no "{minutes}" left as "undefined".
		return problem(error.status, error.type, error.messageKey, {
			title: say(error.messageKey, error.params),
			detail: say(error.messageKey, error.params),
			...error.details
		});
	}
	if (error instanceof Overloaded || isDatabaseUnavailable(error)) {
		const code = error instanceof Overloaded ? error.reason : unavailableCode(error);
		log.warn({ code, requestId }, 'API answered 503: database unavailable or overloaded');
		return unavailableProblem(error instanceof Overloaded);
	}
	log.error({ err: error, requestId }, 'unhandled API error');
	return problem(500, 'internal', 'error_internal_title', { requestId });
}

/**
 * Parse a JSON body, the one reader of every API route: malformed JSON is the client's error
 * (400), a body over API_BODY_MAX_BYTES (or adapter-node's BODY_SIZE_LIMIT, which is larger so that
 * photos and CSV files fit) a 413, and a body nested deeper than MAX_JSON_DEPTH a 400 before
 * anything walks it. The body is read as a stream and dropped at the limit, never held whole.
 */
export async function readJson(request: Request, maxBytes = API_BODY_MAX_BYTES): Promise<unknown> {
	let text: string;
	try {
		text = await readText(request, maxBytes);
	} catch (error) {
		if (isPayloadTooLarge(error) || error instanceof PayloadTooLargeError) throw new PayloadTooLargeError();
		throw new DomainError(400, 'malformed-json', 'error_malformed_json');
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new DomainError(400, 'malformed-json', 'error_malformed_json');
	}
	if (jsonTooDeep(value)) throw new JsonTooDeepError();
	return value;
}

async function readText(request: Request, maxBytes: number): Promise<string> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > maxBytes) throw new PayloadTooLargeError();
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel().catch(() => {});
			throw new PayloadTooLargeError();
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** How long a client should wait before trying again after a 503; the database usually returns within seconds. */
export const RETRY_AFTER_SECONDS = 2;

/** 503 with Retry-After: the database cannot serve the request now (or this process is full). */
export function unavailableProblem(overloaded = false): Response {
	return problem(
		503,
		'unavailable',
		'unavailable_title',
		{ detail: say(overloaded ? 'unavailable_overloaded' : 'unavailable_detail') },
		{ 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' }
	);
}
