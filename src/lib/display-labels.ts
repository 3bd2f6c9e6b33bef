import { m } from '$lib/paraglide/messages';
import type { TextSize } from '$lib/display';

/** 작게 · 보통 · 크게 · 더 크게 · 가장 크게 */
export const textSizeLabel: Record<TextSize, () => string> = {
	small: m.textsize_small,
	normal: m.prefs_text_normal,
	large: m.prefs_text_large,
	larger: m.textsize_larger,
	largest: m.textsize_largest
};
