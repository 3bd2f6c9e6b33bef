import { m } from '$lib/paraglide/messages';

/** 방문 / 화상 / 전화 in the page's language. */
export const modeLabel = (mode: string): string =>
	mode === 'visit' ? m.consultation_mode_visit() : mode === 'video' ? m.consultation_mode_video() : m.consultation_mode_phone();
