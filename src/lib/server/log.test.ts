import { describe, expect, it } from 'vitest';
import { queryShape, serializeError } from './log';

describe('queryShape', () => {
	it('keeps the statement and its $n placeholders but no literal written into the text', () => {
		expect(queryShape(`select * from "app_user"\n  where "email" = $1 and name = 'Hong Gildong' and n > 42 limit $2`)).toBe(
			`select * from "app_user" where "email" = $1 and name = '?' and n > ? limit $2`
		);
		expect(queryShape(`x = 'it''s private'`)).toBe(`x = '?'`);
	});
});

describe('serializeError', () => {
	it('does not fold a cause’s message into the error’s own', () => {
		const inner = Object.assign(new Error('duplicate key (email)=(a@b.kr)'), { code: '23505', detail: 'Key (email)=(a@b.kr) already exists.' });
		const outer = new Error('could not save', { cause: inner });
		const text = JSON.stringify(serializeError(outer));
		expect(text).toContain('could not save');
		expect(text).toContain('23505');
		expect(text).not.toContain('a@b.kr');
	});
});
