/** The kinds of a visit itinerary's segment: the template's and any a coordinator adds. */
export const SEGMENT_KINDS = ['briefing', 'session', 'tour', 'qa', 'break', 'other'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];
/** At most this many segments in one itinerary (a half-day visit has four to eight). */
export const SEGMENTS_MAX = 12;
/** At most this many presenters in one segment. */
export const PRESENTERS_MAX = 6;
