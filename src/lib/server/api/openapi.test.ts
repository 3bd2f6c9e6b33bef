import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openapi } from './openapi';

const API_ROOT = path.resolve('src/routes/api/v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every (path, method) the route files export, with [param] turned into {param}. */
function routes(dir = API_ROOT): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir)) {
		const full = path.join(dir, entry);
		if (statSync(full).isDirectory()) found.push(...routes(full));
		else if (entry === '+server.ts') {
			const rel = path.relative(API_ROOT, dir).split(path.sep).filter(Boolean);
			if (rel.some((s) => s.startsWith('[...'))) continue; // the catch-all 404
			const urlPath = '/api/v1/' + rel.map((s) => s.replace(/^\[(\w+)(?:=\w+)?\]$/, '{$1}')).join('/');
			const source = readFileSync(full, 'utf8');
			for (const method of METHODS)
				if (new RegExp(`export const ${method}\\b`).test(source)) found.push(`${method} ${urlPath}`);
		}
	}
	return found;
}

describe('openapi.json', () => {
	it('documents every endpoint that exists, and nothing that does not', () => {
		const documented = Object.entries(openapi.paths ?? {}).flatMap(([p, ops]) =>
			Object.keys(ops as object).map((method) => `${method.toUpperCase()} ${p}`)
		);
		expect(documented.sort()).toEqual(routes().sort());
	});
});

describe('openapi.json is generated from the input schemas', () => {
	it('describes the booking body with the schema the route parses with (range, lengths, frequencies)', () => {
		const schemas = openapi.components?.schemas as Record<string, Record<string, unknown>>;
		const booking = schemas.BookingRequest as { required: string[]; properties: Record<string, Record<string, unknown>> };
		expect(booking.required).toEqual(expect.arrayContaining(['roomId', 'start', 'end', 'purpose', 'attendees']));
		expect(booking.properties.start).toMatchObject({ type: 'string', format: 'date-time' });
		expect(booking.properties.purpose).toMatchObject({ type: 'string', maxLength: 200 });
		expect(booking.properties.attendees).toMatchObject({ type: 'integer', minimum: 1, maximum: 2000 });
	});

	it('describes the repeat rule as discriminated on kind, one schema per kind with its parameters', () => {
		const schemas = openapi.components?.schemas as Record<string, Record<string, unknown>>;
		const recurrence = schemas.Recurrence as { oneOf: { $ref: string }[]; discriminator?: { propertyName: string } };
		expect(recurrence.oneOf.map((o) => o.$ref.split('/').pop())).toEqual(['WeeklyRepeat', 'WeekdaysRepeat', 'MonthlyDateRepeat', 'MonthlyWeekdayRepeat']);
		expect(recurrence.discriminator?.propertyName).toBe('kind');
		const monthly = schemas.MonthlyWeekdayRepeat as { required: string[]; properties: Record<string, Record<string, unknown>> };
		expect(monthly.required).toEqual(expect.arrayContaining(['kind', 'nth']));
		expect(monthly.properties.nth).toMatchObject({ type: 'integer', enum: [1, 2, 3, 4, -1] });
		expect(monthly.properties.except).toMatchObject({ type: 'array', maxItems: 52 });
		expect(JSON.stringify(schemas.Recurrence)).toContain('biweekly');
	});

	it('lists the query and path parameters the routes read', () => {
		const day = openapi.paths?.['/api/v1/availability']?.get;
		expect(day?.parameters).toEqual([expect.objectContaining({ name: 'date', in: 'query', required: true })]);
		const range = openapi.paths?.['/api/v1/rooms/{id}/availability']?.get;
		expect((range?.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`).sort()).toEqual([
			'path:id',
			'query:from',
			'query:to'
		]);
	});

	it('describes the consultation booking with the schema the route parses with (modes, description length, optional consultant)', () => {
		const schemas = openapi.components?.schemas as Record<string, Record<string, unknown>>;
		const booking = schemas.ConsultationRequest as { required: string[]; properties: Record<string, Record<string, unknown>> };
		expect(booking.required.sort()).toEqual(['description', 'mode', 'start', 'topicId']);
		expect(booking.properties.start).toMatchObject({ type: 'string', format: 'date-time' });
		expect(booking.properties.mode).toMatchObject({ enum: ['visit', 'video', 'phone'] });
		expect(booking.properties.description).toMatchObject({ type: 'string', maxLength: 1000 });
		expect(booking.properties.consultantId).toMatchObject({ type: 'string', format: 'uuid' });
		const post = openapi.paths?.['/api/v1/consultations']?.post;
		expect((post?.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`)).toEqual(['header:Idempotency-Key']);
		expect(Object.keys(post?.responses ?? {})).toEqual(expect.arrayContaining(['201', '409', '422']));
	});

	it('lists the slot query the slots route reads, and the bodies of the consultation actions', () => {
		const slots = openapi.paths?.['/api/v1/departments/{id}/slots']?.get;
		expect((slots?.parameters as { name: string; in: string; required?: boolean }[]).map((p) => `${p.in}:${p.name}:${p.required ?? false}`).sort()).toEqual([
			'path:id:true',
			'query:consultant:false',
			'query:from:true',
			'query:mode:false',
			'query:to:true',
			'query:topic:true'
		]);
		const schemas = openapi.components?.schemas as Record<string, { required?: string[]; properties: Record<string, Record<string, unknown>> }>;
		expect(schemas.ConsultationNote?.properties.note).toMatchObject({ type: 'string', maxLength: 4000 });
		expect(schemas.ConsultationReschedule?.required).toEqual(['start']);
		expect(schemas.ConsultationReassign?.properties.consultantId).toMatchObject({ format: 'uuid' });
		expect(schemas.ConsultationCancel?.required ?? []).toEqual([]);
		expect(openapi.paths?.['/api/v1/consultations/{id}/note']?.put?.requestBody).toBeTruthy();
	});

	it('serializes to JSON', () => {
		expect(JSON.parse(JSON.stringify(openapi)).openapi).toBe('3.1.0');
	});
});

describe('openapi.json lists the refusals the shared mechanisms give', () => {
	const operations = () =>
		Object.entries(openapi.paths ?? {})
			.filter(([p]) => p !== '/api/v1/openapi.json')
			.flatMap(([p, ops]) =>
				Object.entries(ops as Record<string, { responses: Record<string, unknown> }>).map(([method, op]) => ({ name: `${method} ${p}`, op }))
			);

	it('every operation that reaches the database may answer 503', () => {
		const without = operations().filter(({ op }) => !('503' in op.responses)).map(({ name }) => name);
		expect(without).toEqual([]);
	});

	it('every write with a JSON body may answer 413 and 400 (malformed or too deep)', () => {
		const writes = operations().filter(({ op }) => 'requestBody' in op);
		expect(writes.length).toBeGreaterThan(3);
		for (const { name, op } of writes) expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(['400', '413', '415']));
	});

	it('the preview says it may be rate-limited (429)', () => {
		expect(Object.keys(openapi.paths?.['/api/v1/reservations/preview']?.post?.responses ?? {})).toContain('429');
	});
});
