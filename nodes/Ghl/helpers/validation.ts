import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';
import { GHL_ID_DESCRIPTION, isGhlId } from '../../shared/ghlId';

/**
 * Checks made before any request, so bad input fails with the field's name and what was expected
 * instead of a GHL 422 (or, worse, a write of the wrong data).
 */
/** Longest part of a refused value quoted back in the error. */
const SHOWN_CHARACTERS = 80;

function shown(got: unknown): string {
	if (got === undefined || got === null || got === '') return 'nothing';
	if (typeof got === 'object') return Array.isArray(got) ? 'a list' : 'an object';
	const text = String(got);
	return text.length > SHOWN_CHARACTERS ? `"${text.slice(0, SHOWN_CHARACTERS)}…" (${text.length} characters)` : `"${text}"`;
}

function refuse(ctx: IExecuteFunctions, itemIndex: number, field: string, expected: string, got?: unknown): never {
	throw new NodeOperationError(ctx.getNode(), `${field}: expected ${expected}, got ${shown(got)}`, { itemIndex });
}

/** Text, or a number or boolean from an expression, trimmed; an object or list is refused, not sent as "[object Object]". */
export function checkText(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	if (typeof value === 'object' && value !== null) refuse(ctx, itemIndex, field, 'text', value);
	return value === undefined || value === null ? '' : String(value).trim();
}

export function requireText(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const text = checkText(ctx, itemIndex, field, value);
	if (!text) refuse(ctx, itemIndex, field, 'a value (it is required)', value);
	return text;
}

/**
 * A GHL record ID (text or a number from an expression), trimmed. Only GHL's ID alphabet passes,
 * so an ID can never change the path it is put in (`..`, `/`, `?`, `#`, `%`), whoever wrote it: a
 * user, an expression, or an AI agent using the node as a tool.
 */
export function checkId(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	if (value === undefined || value === null) refuse(ctx, itemIndex, field, 'a value (it is required)', value);
	if (typeof value !== 'string' && typeof value !== 'number') refuse(ctx, itemIndex, field, GHL_ID_DESCRIPTION, value);
	const id = String(value).trim();
	if (!id) refuse(ctx, itemIndex, field, 'a value (it is required)', value);
	if (!isGhlId(id)) refuse(ctx, itemIndex, field, GHL_ID_DESCRIPTION, value);
	return id;
}

/** A required ID parameter (task, note, appointment, campaign, workflow, business), read and checked in one go. */
export function requireParameter(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	return checkId(ctx, itemIndex, label, ctx.getNodeParameter(name, itemIndex, ''));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** RFC 5321's limit on an address's length. */
const MAX_EMAIL_LENGTH = 254;

export function checkEmail(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const email = typeof value === 'string' ? value.trim() : '';
	if (!EMAIL.test(email) || email.length > MAX_EMAIL_LENGTH) {
		refuse(ctx, itemIndex, field, 'an email address like name@example.com', value);
	}
	return email;
}

/** A phone number as text or digits; anything else (an object, a list) is no phone number. */
function phoneText(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).replace(/[\s().-]/g, '') : '';
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/**
 * Whether the date and time written are a real calendar date and clock time. `Date.parse` rolls
 * over instead (2026-02-30 becomes March 2, 24:00 the next day), which would write another date
 * than the one given.
 */
function isRealDateTime(parts: RegExpExecArray): boolean {
	const [year, month, day, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = parts
		.slice(1)
		.map((part) => (part === undefined ? undefined : Number(part)));
	const date = new Date(Date.UTC(year!, month! - 1, day!));
	return (
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month! - 1 &&
		date.getUTCDate() === day &&
		hour <= 23 &&
		minute <= 59 &&
		second <= 59 &&
		offsetHours <= 23 &&
		offsetMinutes <= 59
	);
}

/** Accepts ISO 8601 text or a Date/Luxon value (what n8n date pickers and expressions give). */
export function checkIsoDate(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const raw = value && typeof value === 'object' && 'toISO' in value ? (value as { toISO(): string }).toISO() : value;
	const text = raw instanceof Date ? raw.toISOString() : typeof raw === 'string' ? raw.trim() : '';
	const parts = ISO_8601.exec(text);
	if (!parts || !isRealDateTime(parts) || Number.isNaN(Date.parse(text))) {
		refuse(ctx, itemIndex, field, 'an ISO 8601 date such as 2026-11-22T15:00:00Z', value);
	}
	return text;
}

/** Strips the spacing people type ("+1 (415) 555-0100") and requires E.164 (+ and 7–15 digits). */
export function checkE164(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const phone = phoneText(value);
	if (!/^\+[1-9]\d{6,14}$/.test(phone)) refuse(ctx, itemIndex, field, 'a phone number in E.164 form like +14155550100', value);
	return phone;
}

/** A phone GHL can store: the spacing people type stripped, then 7–15 digits with an optional leading +. */
export function checkPhone(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const phone = phoneText(value);
	if (!/^\+?\d{7,15}$/.test(phone)) refuse(ctx, itemIndex, field, 'a phone number like +14155550100', value);
	return phone;
}

/** Splits "a, b" or takes an array; drops blanks. */
export function toList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((part) => String(part).trim()).filter(Boolean);
}

/** An optional list (comma-separated or a list): empty when not given; an object is refused. */
export function optionalList(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	if (typeof value === 'object' && !Array.isArray(value)) refuse(ctx, itemIndex, field, 'comma-separated values', value);
	return toList(value);
}

export function checkList(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string[] {
	const list = toList(value);
	if (!list.length) refuse(ctx, itemIndex, field, 'at least one value (comma-separated)', value);
	return list;
}

/** At least one GHL ID (comma-separated or a list), each checked like a single one. */
export function checkIdList(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string[] {
	if (Array.isArray(value)) value.forEach((entry) => checkId(ctx, itemIndex, field, entry));
	return checkList(ctx, itemIndex, field, value).map((id) => checkId(ctx, itemIndex, field, id));
}
