import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, retryReadOnce, unavailableCode } from './unavailable';

const withCode = (code: string) => Object.assign(new Error(code), { code });
const wrapped = (code: string) => new DrizzleQueryError('select 1', [], withCode(code));

const UNAVAILABLE = [
	'08000', '08001', '08003', '08004', '08006', '08007', '08P01',
	'57P01', '57P02', '57P03', '53300', '57014', '55P03',
	'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
	'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'
];
// Errors of the request or of the app: they must stay 4xx/500, never look like an outage.
const NOT_UNAVAILABLE = ['23505', '23P01', '40P01', '40001', '22021', '22P02', '42P01', '53100', '57000', 'UNSAFE_TRANSACTION', 'ENOENT'];

describe('isDatabaseUnavailable', () => {
	it.each(UNAVAILABLE)('treats %s as the database being unavailable, bare and wrapped by drizzle', (code) => {
		expect(isDatabaseUnavailable(withCode(code))).toBe(true);
		expect(isDatabaseUnavailable(wrapped(code))).toBe(true);
	});

	it.each(NOT_UNAVAILABLE)('does not treat %s as the database being unavailable', (code) => {
		expect(isDatabaseUnavailable(withCode(code))).toBe(false);
		expect(isDatabaseUnavailable(wrapped(code))).toBe(false);
	});

	it('finds a refused connection inside an AggregateError (Node tries every address)', () => {
		const aggregate = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect');
		expect(isDatabaseUnavailable(aggregate)).toBe(true);
	});

	it('names the code it found, for the log line (never the query or its values)', () => {
		expect(unavailableCode(wrapped('57P01'))).toBe('57P01');
		expect(unavailableCode(wrapped('23505'))).toBeUndefined();
	});

	it('is false for errors without a code and for non-errors', () => {
		expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
		expect(isDatabaseUnavailable(undefined)).toBe(false);
		expect(isDatabaseUnavailable('08006')).toBe(false);
	});
});

describe('retryReadOnce', () => {
	it('runs a read a second time after a connection-class error and returns its answer', async () => {
		let calls = 0;
		const answer = await retryReadOnce(async () => {
			calls++;
			if (calls === 1) throw wrapped('57P01');
			return 'row';
		});
		expect(answer).toBe('row');
		expect(calls).toBe(2);
	});

	it('gives up after the second failure', async () => {
		let calls = 0;
		const read = async () => {
			calls++;
			throw wrapped('CONNECTION_CLOSED');
		};
		await expect(retryReadOnce(read)).rejects.toThrow();
		expect(calls).toBe(2);
	});

	it('never repeats a read that failed for another reason', async () => {
		let calls = 0;
		const read = async () => {
			calls++;
			throw wrapped('22P02');
		};
		await expect(retryReadOnce(read)).rejects.toThrow();
		expect(calls).toBe(1);
	});
});
