import type { BookingFormValues } from '$lib/schemas/booking-form';
import type { RepeatSummary } from '$lib/time/repeat-text';

/** What the booking page's actions answer; shared by the server and the page. */
export interface Alternative {
	roomId: string;
	start: string;
	end: string;
	kind: 'same_room' | 'similar_room';
}
export interface Interval {
	start: string;
	end: string;
}
export interface PreviewRow extends Interval {
	state: 'free' | 'conflict' | 'invalid';
	reasons: string[];
	conflicts: Interval[];
}
export interface Refusal {
	kind: 'invalid' | 'conflict';
	/** Every broken booking rule, in the user's language. */
	rules: string[];
	/** The held times it clashes with (buffers included). */
	conflicts: Interval[];
	alternatives: Alternative[];
	occurrences: PreviewRow[];
}
export interface Booked {
	status: 'requested' | 'confirmed';
	created: { id: string; start: string; end: string; status: string }[];
	/** Dates of a series left out, each with why (`reasons`: broken rules; `conflicts`: held times it overlaps). */
	skipped: { start: string; end: string; state: string; reasons: string[]; conflicts: Interval[] }[];
	seriesId: string | null;
	roomId: string;
}


/** Everything an action of the page may answer (the page reads it as one shape). */
export interface BookActionData {
	values: BookingFormValues;
	errors?: Record<string, string[]>;
	/** Broken rules that belong to no single field. */
	rules?: string[];
	refusal?: Refusal;
	notice?: string;
	idempotencyKey?: string;
	booked?: Booked;
	preview?: PreviewRow[];
	/** How the previewed series repeats, and the months a by-date rule passes over. */
	outline?: { repeat: RepeatSummary; skippedMonths: string[] } | null;
}
