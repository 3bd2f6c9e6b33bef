import { describe, expect, it } from 'vitest';
import { ROUTE_CRUMBS, trailFor } from './breadcrumbs';

describe('breadcrumbs', () => {
	it('shows no trail on the home page or on an unknown page that names nothing', () => {
		expect(trailFor('/(public)')).toEqual([]);
		expect(trailFor(null)).toEqual([]);
		expect(trailFor('/(app)/somewhere-new')).toEqual([]);
	});

	it('leads from Home through the parents to the page itself, which is not a link', () => {
		const trail = trailFor('/(admin)/admin/users/new');
		expect(trail.map((c) => c.href)).toEqual(['/', '/dashboard', '/admin/users', undefined]);
		expect(trail).toHaveLength(4);
	});

	it('leads from a consultation, named by its reference, through the school\'s list to the booking page', () => {
		const trail = trailFor('/(app)/consultations/[id=uuid]', 'C-2026-0001');
		expect(trail.map((c) => c.href)).toEqual(['/', '/dashboard', '/consultations', '/consultations/mine', undefined]);
		expect(trail.at(-1)).toEqual({ label: 'C-2026-0001' });
	});

	it("uses the page's own name for the last crumb when its load gives one", () => {
		const trail = trailFor('/(public)/rooms/[id=uuid]', '대회의실');
		expect(trail.at(-1)).toEqual({ label: '대회의실' });
		expect(trail.at(-2)?.href).toBe('/rooms');
	});

	it('names a parent in the table for every parent it refers to, with a link', () => {
		for (const [route, crumb] of Object.entries(ROUTE_CRUMBS)) {
			if (!crumb.parent) continue;
			expect(ROUTE_CRUMBS[crumb.parent], `${route} → ${crumb.parent}`).toBeDefined();
			expect(ROUTE_CRUMBS[crumb.parent]!.href, `${crumb.parent} links`).toBeTruthy();
		}
	});
});
