import { describe, expect, it } from 'vitest';
import { hashRequest } from '../idempotency';
import { API_BODY_MAX_BYTES, canonicalJson, JsonTooDeepError, jsonTooDeep, MAX_JSON_DEPTH, PayloadTooLargeError } from './json';
import { readJson } from './problem';

const nestedArrays = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth));
const nestedObjects = (depth: number) => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

const jsonRequest = (body: string) => new Request('http://localhost/api/v1/x', { method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('canonicalJson', () => {
	it('writes the same JSON as JSON.stringify, with object keys sorted', () => {
		const body = { z: 1, a: [1, 'two', null, true, { y: 'é', b: -0.5 }], m: { k: '한글 "quoted"\n' }, e: [] };
		expect(canonicalJson(body)).toBe(
			JSON.stringify({ a: [1, 'two', null, true, { b: -0.5, y: 'é' }], e: [], m: { k: '한글 "quoted"\n' }, z: 1 })
		);
		expect(JSON.parse(canonicalJson(body))).toEqual(body);
		expect(canonicalJson('x')).toBe('"x"');
		expect(canonicalJson(null)).toBe('null');
	});

	it('gives two bodies that differ only in key order the same text', () => {
		expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
	});

	it('drops undefined members and writes dates as JSON does', () => {
		const at = new Date('2026-11-24T01:00:00Z');
		expect(canonicalJson({ a: undefined, at, list: [undefined] })).toBe(JSON.stringify({ at, list: [undefined] }));
	});

	it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more with a 400, not a stack overflow`, () => {
		expect(() => canonicalJson(nestedArrays(MAX_JSON_DEPTH))).not.toThrow();
		expect(() => canonicalJson(nestedArrays(MAX_JSON_DEPTH + 1))).toThrow(JsonTooDeepError);
		expect(() => canonicalJson(nestedObjects(200_000))).toThrow(JsonTooDeepError);
		expect(new JsonTooDeepError().status).toBe(400);
	});
});

describe('hashRequest', () => {
	it('hashes a body nested 200,000 levels deep into a 400, where JSON.stringify overflowed the stack', () => {
		const deep = nestedArrays(200_000);
		expect(() => JSON.stringify(deep)).toThrow(RangeError);
		expect(() => hashRequest(deep)).toThrow(JsonTooDeepError);
	});

	it('is the same for the same body in another key order', () => {
		expect(hashRequest({ roomId: 'r', start: 's' })).toBe(hashRequest({ start: 's', roomId: 'r' }));
		expect(hashRequest({ roomId: 'r' })).not.toBe(hashRequest({ roomId: 's' }));
	});
});

describe('jsonTooDeep', () => {
	it('measures depth without recursion', () => {
		expect(jsonTooDeep(1)).toBe(false);
		expect(jsonTooDeep(nestedObjects(MAX_JSON_DEPTH))).toBe(false);
		expect(jsonTooDeep(nestedObjects(MAX_JSON_DEPTH + 1))).toBe(true);
		expect(jsonTooDeep(nestedArrays(500_000))).toBe(true);
	});
});

describe('readJson (every API body)', () => {
	it('parses a body', async () => {
		expect(await readJson(jsonRequest('{"a":[1,2]}'))).toEqual({ a: [1, 2] });
	});

	it('refuses malformed JSON with a 400', async () => {
		await expect(readJson(jsonRequest('{"a":'))).rejects.toMatchObject({ status: 400, type: 'malformed-json' });
	});

	it('refuses a body nested too deep with a 400 before anything walks it', async () => {
		await expect(readJson(jsonRequest('['.repeat(100_000) + ']'.repeat(100_000)))).rejects.toBeInstanceOf(JsonTooDeepError);
	});

	it('answers a body over the size limit with a 413, not a 400', async () => {
		// What SvelteKit's node adapter does past BODY_SIZE_LIMIT: the body stream fails with a 413 error.
		const tooLarge = Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT of 524288'), { status: 413 });
		const body = new ReadableStream({ start: (controller) => controller.error(tooLarge) });
		const request = new Request('http://localhost/api/v1/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
		const refused = readJson(request);
		await expect(refused).rejects.toBeInstanceOf(PayloadTooLargeError);
		await expect(refused).rejects.toMatchObject({ status: 413, type: 'payload-too-large' });
	});

	it('keeps its own 512 kB limit whatever the server accepts, by the declared length and by the bytes read', async () => {
		const big = 'x'.repeat(API_BODY_MAX_BYTES + 1);
		await expect(readJson(jsonRequest(JSON.stringify({ big })))).rejects.toMatchObject({ status: 413, type: 'payload-too-large' });
		const declared = new Request('http://localhost/api/v1/x', { method: 'POST', body: '{}', headers: { 'content-length': String(20 * 1024 * 1024) } });
		await expect(readJson(declared)).rejects.toMatchObject({ status: 413 });
		// No content-length (chunked): counted while read, and the rest is never read.
		let pulled = 0;
		const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
		const body = new ReadableStream<Uint8Array>({
			start: (controller) => controller.enqueue(new TextEncoder().encode('"')),
			pull: (controller) => {
				pulled++;
				if (pulled > 40) controller.close();
				else controller.enqueue(chunk);
			}
		});
		const chunked = new Request('http://localhost/api/v1/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
		await expect(readJson(chunked)).rejects.toBeInstanceOf(PayloadTooLargeError);
		expect(pulled).toBeLessThan(12);
		const fits = JSON.stringify({ a: 'y'.repeat(API_BODY_MAX_BYTES - 100) });
		expect(await readJson(jsonRequest(fits))).toEqual({ a: 'y'.repeat(API_BODY_MAX_BYTES - 100) });
	});
});
