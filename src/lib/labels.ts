import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Role } from '$lib/roles';
import { byCount } from '$lib/time/format';

const language = () => (getLocale() === 'en' ? 'en' : 'ko');

/**
 * A counted message in the form its count takes in the page's language ("1 person", "3 people"):
 * `one` and `other` are its two catalogue entries (the same words in Korean).
 */
export function counted<P>(count: number, forms: { one: (params: P) => string; other: (params: P) => string }, params: P): string {
	return byCount(count, language(), forms)(params);
}

/** "1 person" / "12 people" / "12명". */
export const peopleText = (count: number) => counted(count, { one: m.rpol_people_one, other: m.people_n }, { count });

/** A room's floor and capacity: "3층 · 40명" / "Floor 3 · 40 people" ("1 person"). */
export const roomMetaText = (floor: number, capacity: number) =>
	counted(capacity, { one: m.rpol_board_room_meta_one, other: m.board_room_meta }, { floor, capacity });

const ROLE_LABELS: Record<Role, () => string> = {
	admin: m.role_admin,
	facility_manager: m.role_facility_manager,
	department_staff: m.role_department_staff,
	visit_coordinator: m.role_visit_coordinator,
	school_user: m.role_school_user
};

export function roleLabel(role: Role): string {
	return ROLE_LABELS[role]();
}

const SCHOOL_LEVEL_LABELS: Record<string, () => string> = {
	elementary: m.school_level_elementary,
	middle: m.school_level_middle,
	high: m.school_level_high,
	special: m.school_level_special,
	other: m.school_level_other
};

/** 초등학교 / Elementary school: a stored school level (an unknown one as it is). */
export function schoolLevelLabel(level: string): string {
	return SCHOOL_LEVEL_LABELS[level]?.() ?? level;
}

/**
 * Labels of stored keys as tables of message functions: looking a message up by a key built at run
 * time would make the bundler ship every message of both languages to every page.
 */
const EQUIPMENT: Record<string, () => string> = {
	projector: m.equipment_projector,
	display: m.equipment_display,
	microphone: m.equipment_microphone,
	recording: m.equipment_recording,
	stage_lighting: m.equipment_stage_lighting,
	video_conference: m.equipment_video_conference,
	whiteboard: m.equipment_whiteboard,
	pc: m.equipment_pc,
	printer: m.equipment_printer,
	soundproofing: m.equipment_soundproofing
};

const ACCESSIBILITY: Record<string, () => string> = {
	step_free: m.access_step_free,
	elevator: m.access_elevator,
	accessible_toilet: m.access_accessible_toilet,
	hearing_loop: m.access_hearing_loop,
	wheelchair_seating: m.access_wheelchair_seating,
	separate_entrance: m.access_separate_entrance
};

/** 0 = Sunday … 6 = Saturday. */
const WEEKDAYS: (() => string)[] = [
	m.facility_weekday_0,
	m.facility_weekday_1,
	m.facility_weekday_2,
	m.facility_weekday_3,
	m.facility_weekday_4,
	m.facility_weekday_5,
	m.facility_weekday_6
];

export function equipmentLabel(key: string): string {
	return EQUIPMENT[key]?.() ?? key;
}

export function accessibilityLabel(key: string): string {
	return ACCESSIBILITY[key]?.() ?? key;
}

export function weekdayLabel(weekday: number): string {
	return WEEKDAYS[weekday]?.() ?? String(weekday);
}
