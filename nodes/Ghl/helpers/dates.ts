import type { IExecuteFunctions } from 'n8n-workflow';
import { checkIsoDate } from './validation';

const HAS_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Minutes `timeZone` is ahead of UTC at the instant `utcMs`. */
function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
	const wallAsUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return Math.round((wallAsUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

function formatOffset(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * An ISO 8601 date-time for GHL with an explicit offset. n8n's date picker gives wall-clock times
 * without one ("2026-11-22T15:00:00"); those are read in the workflow's time zone, as n8n users
 * expect (or in `timeZone` where the operation names one), instead of leaving GHL to guess. Values
 * with Z or an offset, and bare dates, pass as given.
 */
export function toGhlDateTime(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown, timeZone = ctx.getTimezone()): string {
	const text = checkIsoDate(ctx, itemIndex, field, value).replace(' ', 'T');
	if (!HAS_TIME.test(text) || HAS_ZONE.test(text)) return text;
	const wallMs = Date.parse(`${text}Z`);
	const offset = zoneOffsetMinutes(wallMs - zoneOffsetMinutes(wallMs, timeZone) * 60_000, timeZone);
	return `${text}${formatOffset(offset)}`;
}
