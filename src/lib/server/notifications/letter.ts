import * as m from '$lib/paraglide/messages';
import { formatDateTime, formatTime, type Locale } from '../../time/format';
import { config } from '../config';

/**
 * One e-mail, written for one reader in the language they chose (one language per message, never
 * both). A `Mail` is composed for each locale; the outbox picks the one of each recipient when it
 * queues the message (outbox.ts `mail`), so a notice to several staff reaches each in theirs.
 */
export interface Letter {
	subject: string;
	text: string;
}

export interface Mail {
	/** What the message is about, e.g. "booking_confirmed"; for the admin list and tests. */
	kind: string;
	compose: (locale: Locale) => Letter;
}

/** "2026년 12월 5일 (토) 14:00–16:00" / "Sat, 5 Dec 2026, 14:00–16:00" (Asia/Seoul). */
export function when(start: Date | string, end: Date | string, locale: Locale): string {
	return `${formatDateTime(start, locale)}–${formatTime(end)}`;
}

/** Absolute links into the app (ORIGIN), for readers outside it. */
export const links = {
	booking: (id: string) => new URL(`/my/bookings#booking-${id}`, config.origin).toString(),
	bookingIcs: (id: string) => new URL(`/my/bookings/${id}/ics`, config.origin).toString(),
	approvals: () => new URL('/facility/approvals', config.origin).toString()
};

/** A labelled line of facts ("공간: 대회의실"); several values become an indented list. */
export interface Fact {
	label: string;
	value: string | string[];
}

/**
 * The shape every mail of the center shares: greeting, one lead sentence, the facts, links, and
 * the sender's name. Each caller supplies the words in the locale asked for; `name` greets a
 * person ("홍길동 님,"), `greeting` replaces that for a team.
 */
export function letter(
	locale: Locale,
	parts: { subject: string; name?: string; greeting?: string; lead: string; facts?: Fact[]; after?: string; links?: string[] }
): Letter {
	const facts = (parts.facts ?? []).flatMap(({ label, value }) =>
		Array.isArray(value) ? [`${label}:`, ...value.map((v) => `  - ${v}`)] : [`${label}: ${value}`]
	);
	const blocks = [
		parts.greeting ?? m.email_greeting({ name: parts.name ?? '' }, { locale }),
		parts.lead,
		facts.join('\n'),
		parts.after ?? '',
		(parts.links ?? []).join('\n'),
		m.email_signature({}, { locale })
	];
	return { subject: parts.subject, text: blocks.filter((b) => b.trim() !== '').join('\n\n') };
}
