import { m } from '$lib/paraglide/messages';

export { accessibilityLabel, equipmentLabel, weekdayLabel } from '$lib/labels';

/** "3층" / "Floor 3"; basements as "지하 1층" / "Basement 1". */
export function floorLabel(floor: number): string {
	return floor < 0 ? m.facility_floor_basement({ floor: -floor }) : m.facility_floor_value({ floor });
}
