import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Checks made before any request, so bad input fails with the field's name and what was expected
 * instead of a GHL 422 (or, worse, a write of the wrong data).
 */
function refuse(ctx: IExecuteFunctions, itemIndex: number, field: string, expected: string, got?: unknown): never {
	const shown = got === undefined || got === '' ? 'nothing' : `"${String(got)}"`;
	throw new NodeOperationError(ctx.getNode(), `${field}: expected ${expected}, got ${shown}`, { itemIndex });
}

export function requireText(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (!text) refuse(ctx, itemIndex, field, 'a value (it is required)', value);
	return text;
}

/** A required text parameter (an ID, usually), read and checked in one go. */
export function requireParameter(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	return requireText(ctx, itemIndex, label, ctx.getNodeParameter(name, itemIndex, ''));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const email = String(value ?? '').trim();
	if (!EMAIL.test(email)) refuse(ctx, itemIndex, field, 'an email address like name@example.com', value);
	return email;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Accepts ISO 8601 text or a Date/Luxon value (what n8n date pickers and expressions give). */
export function checkIsoDate(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const raw = value && typeof value === 'object' && 'toISO' in value ? (value as { toISO(): string }).toISO() : value;
	const text = raw instanceof Date ? raw.toISOString() : String(raw ?? '').trim();
	if (!ISO_8601.test(text) || Number.isNaN(Date.parse(text))) {
		refuse(ctx, itemIndex, field, 'an ISO 8601 date such as 2026-11-22T15:00:00Z', value);
	}
	return text;
}

/** Strips the spacing people type ("+1 (415) 555-0100") and requires E.164 (+ and 7–15 digits). */
export function checkE164(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const phone = String(value ?? '').replace(/[\s().-]/g, '');
	if (!/^\+[1-9]\d{6,14}$/.test(phone)) refuse(ctx, itemIndex, field, 'a phone number in E.164 form like +14155550100', value);
	return phone;
}

/** A phone GHL can store: the spacing people type stripped, then 7–15 digits with an optional leading +. */
export function checkPhone(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const phone = String(value ?? '').replace(/[\s().-]/g, '');
	if (!/^\+?\d{7,15}$/.test(phone)) refuse(ctx, itemIndex, field, 'a phone number like +14155550100', value);
	return phone;
}

/** Splits "a, b" or takes an array; drops blanks. */
export function toList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((part) => String(part).trim()).filter(Boolean);
}

export function checkList(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string[] {
	const list = toList(value);
	if (!list.length) refuse(ctx, itemIndex, field, 'at least one value (comma-separated)', value);
	return list;
}
