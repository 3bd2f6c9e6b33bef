import { m } from '$lib/paraglide/messages';

type Say = (params?: Record<string, unknown>) => string;
const messages = m as unknown as Record<string, Say | undefined>;

/** "3층" / "Floor 3"; basements as "지하 1층" / "Basement 1". */
export function floorLabel(floor: number): string {
	return floor < 0 ? m.facility_floor_basement({ floor: -floor }) : m.facility_floor_value({ floor });
}

/** Monday-first weekday names (0 = Sunday … 6 = Saturday). */
export function weekdayLabel(weekday: number): string {
	return messages[`facility_weekday_${weekday}`]?.() ?? String(weekday);
}

/** Equipment and accessibility keys as the message files label them (equipment_*, access_*). */
export function equipmentLabel(key: string): string {
	return messages[`equipment_${key}`]?.() ?? key;
}

export function accessibilityLabel(key: string): string {
	return messages[`access_${key}`]?.() ?? key;
}
