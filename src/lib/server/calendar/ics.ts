/**
 * iCalendar (RFC 5545) files for bookings. Pure: the caller passes every text in the user's
 * language and the current instant.
 */
import { TZDate } from '@date-fns/tz';

export const ICS_TIME_ZONE = 'Asia/Seoul';
export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';
const CRLF = '\r\n';
/** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
export const MAX_LINE_OCTETS = 75;

export type IcsStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface IcsEvent {
	/** Globally unique and stable across downloads, so calendars update instead of duplicating. */
	uid: string;
	start: Date;
	end: Date;
	summary: string;
	description?: string;
	location?: string;
	status: IcsStatus;
	/** Changes whenever the booking changes (e.g. a cancellation), so clients take the newer copy. */
	sequence?: number;
	lastModified?: Date;
	url?: string;
}

export interface IcsCalendar {
	/** Product identifier, e.g. "-//Sejong School Support Center//Booking//KO". */
	prodId: string;
	/** Shown by some clients as the calendar's name. */
	name?: string;
	events: IcsEvent[];
	/** When the file is made: DTSTAMP of every event. */
	now: Date;
}

/** TEXT value escaping (§3.3.11): backslash, semicolon, comma, and line breaks as \n. */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

/**
 * Fold a content line (§3.1) into lines of at most 75 octets: each continuation starts with one
 * space, which counts toward its 75. Breaks only between code points, so a Hangul syllable
 * (3 octets in UTF-8) or an emoji is never split across lines.
 */
export function foldLine(line: string): string {
	if (octets(line) <= MAX_LINE_OCTETS) return line;
	const parts: string[] = [];
	let current = '';
	let size = 0;
	let limit = MAX_LINE_OCTETS;
	for (const char of line) {
		const charOctets = octets(char);
		if (size + charOctets > limit) {
			parts.push(current);
			current = '';
			size = 0;
			limit = MAX_LINE_OCTETS - 1; // the leading space of the continuation line
		}
		current += char;
		size += charOctets;
	}
	parts.push(current);
	return parts.join(`${CRLF} `);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** DATE-TIME in UTC (form #2), e.g. 20261124T050000Z. */
export function utcStamp(instant: Date): string {
	return (
		`${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
		`T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
	);
}

/** DATE-TIME in Seoul local time (form #3, used with TZID), e.g. 20261124T140000. */
export function seoulLocalStamp(instant: Date): string {
	const d = new TZDate(instant.getTime(), ICS_TIME_ZONE);
	return (
		`${pad(d.getFullYear(), 4)}${pad(d.getMonth() + 1)}${pad(d.getDate())}` +
		`T${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`
	);
}

/** Seoul has kept +09:00 all year since 1988; one STANDARD component describes it. */
const SEOUL_VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	`TZID:${ICS_TIME_ZONE}`,
	'BEGIN:STANDARD',
	'DTSTART:19700101T000000',
	'TZOFFSETFROM:+0900',
	'TZOFFSETTO:+0900',
	'TZNAME:KST',
	'END:STANDARD',
	'END:VTIMEZONE'
];

function eventLines(event: IcsEvent, now: Date): string[] {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${escapeText(event.uid)}`,
		`DTSTAMP:${utcStamp(now)}`,
		`DTSTART;TZID=${ICS_TIME_ZONE}:${seoulLocalStamp(event.start)}`,
		`DTEND;TZID=${ICS_TIME_ZONE}:${seoulLocalStamp(event.end)}`,
		`SUMMARY:${escapeText(event.summary)}`
	];
	if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
	if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
	lines.push(`STATUS:${event.status}`);
	if (event.sequence !== undefined) lines.push(`SEQUENCE:${event.sequence}`);
	if (event.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(event.lastModified)}`);
	if (event.url) lines.push(`URL:${event.url}`);
	lines.push('END:VEVENT');
	return lines;
}

/** A whole VCALENDAR (METHOD:PUBLISH), CRLF line ends and folded lines, ending with CRLF. */
export function buildCalendar(calendar: IcsCalendar): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${calendar.prodId}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		...(calendar.name ? [`X-WR-CALNAME:${escapeText(calendar.name)}`] : []),
		`X-WR-TIMEZONE:${ICS_TIME_ZONE}`,
		...SEOUL_VTIMEZONE,
		...calendar.events.flatMap((event) => eventLines(event, calendar.now)),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join(CRLF) + CRLF;
}
