/**
 * Dates and times as Bitrix24 takes them (REST docs, api-reference/data-types.md): a `date` is
 * `YYYY-MM-DD`, a `datetime` is `YYYY-MM-DDThh:mm:ss±hh:mm`, the form Bitrix24's JS SDK writes
 * with `Text.toB24Format`. A value that carries an offset keeps it; a date and time without one
 * is read in the workflow's time zone; a date-only value is that calendar day, whatever the zone.
 */

import { zoneOffsetMinutes } from '../../shared/time/wall-clock';
import { FieldProblem } from './field-problem';

interface LuxonLike {
	isValid: boolean;
	toFormat(format: string): string;
}

/** A Luxon DateTime, as n8n gives `$now`, `$today` and dates parsed from the form. */
export function isLuxonDateTime(value: unknown): value is LuxonLike {
	return (
		value !== null &&
		typeof value === 'object' &&
		typeof (value as LuxonLike).toFormat === 'function' &&
		'isValid' in (value as object)
	);
}

const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const RUSSIAN = /^(\d{2})\.(\d{2})\.(\d{4})(?:[ ,]+(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

interface Parts {
	year: number;
	month: number;
	day: number;
	time?: { hour: number; minute: number; second: number };
	/** Minutes east of UTC, when the text gave an offset. */
	offset?: number;
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

function realDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

function offsetOf(text: string): number {
	if (text.toUpperCase() === 'Z') return 0;
	const digits = text.slice(1).replace(':', '');
	const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
	return text.startsWith('-') ? -minutes : minutes;
}

function partsOf(text: string): Parts | undefined {
	const iso = ISO.exec(text);
	const russian = iso ? undefined : RUSSIAN.exec(text);
	const fields = iso
		? { y: iso[1], mo: iso[2], d: iso[3], h: iso[4], mi: iso[5], s: iso[6], zone: iso[7] }
		: russian
			? {
					y: russian[3],
					mo: russian[2],
					d: russian[1],
					h: russian[4],
					mi: russian[5],
					s: russian[6],
				}
			: undefined;
	if (!fields) return undefined;
	const parts: Parts = { year: Number(fields.y), month: Number(fields.mo), day: Number(fields.d) };
	if (!realDate(parts.year, parts.month, parts.day)) return undefined;
	if (fields.h !== undefined) {
		const time = {
			hour: Number(fields.h),
			minute: Number(fields.mi),
			second: Number(fields.s ?? 0),
		};
		if (time.hour > 23 || time.minute > 59 || time.second > 59) return undefined;
		parts.time = time;
	}
	if ('zone' in fields && fields.zone) parts.offset = offsetOf(fields.zone);
	return parts;
}

function formatInZone(epochMs: number, offset: number): string {
	const local = new Date(epochMs + offset * 60_000);
	const sign = offset < 0 ? '-' : '+';
	return (
		`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
		`T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
		`${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
	);
}

/** An instant from a number: Unix seconds, or milliseconds for numbers past the year 5138. */
function instantOf(value: number): number {
	return Math.abs(value) < 1e11 ? value * 1000 : value;
}

const DATE_HINT =
	'Enter a date such as 2026-12-31 or 31.12.2026, or an n8n date from an expression ({{ $today }}).';
const DATE_TIME_HINT =
	"Enter a date and time such as 2026-12-31T18:00:00+03:00 or 31.12.2026 18:00 (read in the workflow's time zone), or an n8n date from an expression ({{ $now }}).";

/** A `date` field's value: `YYYY-MM-DD`. */
export function toBitrixDate(value: unknown, timeZone: string): string {
	if (isLuxonDateTime(value)) {
		if (!value.isValid) throw new FieldProblem('is not a valid date', DATE_HINT);
		return value.toFormat('yyyy-MM-dd');
	}
	if (value instanceof Date || typeof value === 'number') {
		const epochMs = value instanceof Date ? value.getTime() : instantOf(value);
		if (!Number.isFinite(epochMs)) throw new FieldProblem('is not a valid date', DATE_HINT);
		return formatInZone(epochMs, zoneOffsetMinutes(timeZone, epochMs)).slice(0, 10);
	}
	const parts = typeof value === 'string' ? partsOf(value.trim()) : undefined;
	if (!parts) throw new FieldProblem(`is not a date: ${JSON.stringify(value)}`, DATE_HINT);
	return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

/** A `datetime` field's value: `YYYY-MM-DDThh:mm:ss±hh:mm`. */
export function toBitrixDateTime(value: unknown, timeZone: string): string {
	if (isLuxonDateTime(value)) {
		if (!value.isValid) throw new FieldProblem('is not a valid date and time', DATE_TIME_HINT);
		return value.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
	}
	if (value instanceof Date || typeof value === 'number') {
		const epochMs = value instanceof Date ? value.getTime() : instantOf(value);
		if (!Number.isFinite(epochMs))
			throw new FieldProblem('is not a valid date and time', DATE_TIME_HINT);
		return formatInZone(epochMs, zoneOffsetMinutes(timeZone, epochMs));
	}
	const parts = typeof value === 'string' ? partsOf(value.trim()) : undefined;
	if (!parts)
		throw new FieldProblem(`is not a date and time: ${JSON.stringify(value)}`, DATE_TIME_HINT);
	const time = parts.time ?? { hour: 0, minute: 0, second: 0 };
	const wall = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		time.hour,
		time.minute,
		time.second,
	);
	if (parts.offset !== undefined) return formatInZone(wall - parts.offset * 60_000, parts.offset);
	// The wall time in the zone: the zone's offset at that moment, checked once more across a change.
	let offset = zoneOffsetMinutes(timeZone, wall);
	offset = zoneOffsetMinutes(timeZone, wall - offset * 60_000);
	return formatInZone(wall - offset * 60_000, offset);
}
