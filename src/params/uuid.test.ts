import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { match } from './uuid';

/** Every route directory named for an id parameter, e.g. `rooms/[id=uuid]`. */
function idDirectories(dir = path.resolve('src/routes')): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir)) {
		const full = path.join(dir, entry);
		if (!statSync(full).isDirectory()) continue;
		if (/^\[(\w*id|\w+Id)(=\w+)?\]$/.test(entry)) found.push(path.relative('src/routes', full));
		found.push(...idDirectories(full));
	}
	return found;
}

describe('the uuid route matcher', () => {
	it('matches a uuid and nothing else, so a malformed id is a 404 before any load or action runs', () => {
		expect(match('ab0f9ffc-af63-4f8d-9aba-910904af811d')).toBe(true);
		for (const bad of ['', 'new', 'not-a-uuid', '1', 'ab0f9ffc-af63-4f8d-9aba-910904af811', "' or 1=1 --", 'ab0f9ffc-af63-4f8d-9aba-910904af811d\n'])
			expect(match(bad)).toBe(false);
	});

	it('guards every [id] route (page, data, actions and API)', () => {
		const dirs = idDirectories();
		expect(dirs.length).toBeGreaterThanOrEqual(6);
		// Every id parameter, `[id]` or `[photoId]`, goes through the uuid matcher.
		expect(dirs.filter((d) => !/\[\w*[iI]d=uuid\]$/.test(d))).toEqual([]);
	});
});
