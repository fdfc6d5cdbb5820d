/** Lookups and normalisation shared by the route modules. */
import { errors } from '../http';
import type { ContactRecord, LocationRecord } from '../store';
import type { HandlerContext } from './context';

/** How far the sandbox's clock runs ahead of (or, negative, behind) this machine's: GHL's servers' clock is not ours. */
let clockSkewMs = 0;
export function setClockSkew(ms: number): void {
	clockSkewMs = ms;
}
export const nowIso = () => new Date(Date.now() + clockSkewMs).toISOString();

/** 403 unless the token's sub-account is `locationId`. */
export function assertLocationAccess(ctx: HandlerContext, locationId: string | undefined): void {
	if (!ctx.principal || ctx.principal.userType !== 'Location') return;
	if (locationId !== undefined && locationId !== ctx.principal.locationId) throw errors.forbiddenLocation();
}

export function getLocation(ctx: HandlerContext, locationId: string): LocationRecord {
	assertLocationAccess(ctx, locationId);
	const location = ctx.state.store.locations.get(locationId);
	if (!location) throw errors.forbiddenLocation();
	return location;
}

/**
 * Unknown contact ids: the v2 spec declares no 404 for contact routes (only 400/401/422),
 * so the sandbox answers `400 {"statusCode":400,"message":"Contact not found"}`.
 * A contact of another sub-account is a 403 (the token has no access to its location).
 */
export function getContact(ctx: HandlerContext, contactId: string): ContactRecord {
	const contact = ctx.state.store.contacts.get(contactId);
	if (!contact) throw errors.badRequest('Contact not found');
	assertLocationAccess(ctx, contact.locationId);
	return contact;
}

/** The location the request acts on: the token's sub-account. */
export function principalLocationId(ctx: HandlerContext): string {
	const id = ctx.principal?.locationId;
	if (!id) throw errors.scope();
	return id;
}

/** GHL stores tags trimmed, lower-cased and without duplicates. */
export function normalizeTags(tags: unknown): string[] {
	if (!Array.isArray(tags)) return [];
	const out: string[] = [];
	for (const tag of tags) {
		const t = String(tag).trim().toLowerCase();
		if (t && !out.includes(t)) out.push(t);
	}
	return out;
}

/** E.164-ish normalisation (GHL stores `+18888888888` for `+1 888-888-8888`). */
export function normalizePhone(phone: string | null | undefined): string | null | undefined {
	if (phone === null || phone === undefined) return phone;
	const trimmed = phone.trim();
	if (trimmed === '') return null;
	const digits = trimmed.replace(/\D/g, '');
	if (trimmed.startsWith('+')) return `+${digits}`;
	if (digits.length === 10) return `+1${digits}`;
	return `+${digits}`;
}

export function normalizeEmail(email: string | null | undefined): string | null | undefined {
	if (email === null || email === undefined) return email;
	const trimmed = email.trim().toLowerCase();
	return trimmed === '' ? null : trimmed;
}

export function sameTags(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((t) => b.includes(t));
}

/** Parse an ISO 8601 string; a missing offset means UTC (never the machine's time zone). */
export function parseIsoMs(value: string): number {
	const hasZone = /(Z|[+-]\d{2}(:?\d{2})?)$/.test(value) && /T|\s/.test(value);
	const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
	return Date.parse(hasZone || dateOnly ? value : `${value.replace(' ', 'T')}Z`);
}

/** Offset in minutes written in an ISO string (0 when none/Z). */
export function isoOffsetMinutes(value: string): number {
	const m = /([+-])(\d{2}):?(\d{2})?$/.exec(value);
	if (!m || !/T|\s/.test(value)) return 0;
	return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** Format like GHL's appointment times: `2030-01-15T10:00:00-05:00`. */
export function formatWithOffset(ms: number, offsetMinutes: number): string {
	const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
