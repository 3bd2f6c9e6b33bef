/**
 * Display preferences Korean public sites offer (shared by the server and the pages): high
 * contrast, and five text sizes as KRDS's "화면 크기" suggests. Every size is rem-based, so the
 * root font size set by `html[data-text]` reaches the whole page, the calendars included.
 */
export const TEXT_SIZES = ['small', 'normal', 'large', 'larger', 'largest'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export type Contrast = 'normal' | 'high';

export function isTextSize(value: unknown): value is TextSize {
	return typeof value === 'string' && (TEXT_SIZES as readonly string[]).includes(value);
}
