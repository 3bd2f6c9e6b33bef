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
		const documented = Object.entries(openapi.paths).flatMap(([p, ops]) =>
			Object.keys(ops).map((method) => `${method.toUpperCase()} ${p}`)
		);
		expect(documented.sort()).toEqual(routes().sort());
	});
});
