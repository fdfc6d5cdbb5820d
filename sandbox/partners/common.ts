/**
 * Plumbing shared by the partner simulators: the request context handed to each partner,
 * its reply, body parsing, and a small HTTP client used to fire partner-originated webhooks.
 */
import type { IncomingHttpHeaders } from 'http';

export type PartnerName = 'leadsquared' | 'dpd' | 'leadpops' | 'leadcars' | 'anyapp';

/** One request a simulator received (tests assert on these). */
export interface PartnerRequest {
	partner: PartnerName | 'unknown';
	method: string;
	/** Full path as received, e.g. `/leadsquared/v2/LeadManagement.svc/Lead.Capture`. */
	path: string;
	/** Path below the partner prefix, e.g. `/v2/LeadManagement.svc/Lead.Capture`. */
	route: string;
	query: Record<string, string>;
	/** Lower-cased header names. */
	headers: Record<string, string>;
	/** JSON or form body parsed; the raw text when neither. */
	body: unknown;
	rawBody: string;
	status: number;
	/** Whether the request carried the partner's demo credentials (false also for unauthenticated routes). */
	authorized: boolean;
	at: number;
}

export interface PartnerContext {
	method: string;
	route: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
	rawBody: string;
	contentType: string;
}

export interface PartnerReply {
	status: number;
	/** Objects/arrays are sent as JSON; strings as text/plain unless contentType says otherwise. */
	body: unknown;
	contentType?: string;
	headers?: Record<string, string>;
	/** Set by the partner when its auth check passed. */
	authorized?: boolean;
}

export interface PartnerSimulator {
	readonly name: PartnerName;
	handle(ctx: PartnerContext): PartnerReply | Promise<PartnerReply>;
	reset(): void;
}

export function json(status: number, body: unknown, authorized = true): PartnerReply {
	return { status, body, authorized };
}

export function text(status: number, body: string, authorized = true): PartnerReply {
	return { status, body, contentType: 'text/plain; charset=utf-8', authorized };
}

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(headers)) {
		if (value === undefined) continue;
		out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

/** JSON for `*json` content types, form fields for urlencoded, else the text itself (or undefined when empty). */
export function parseBody(raw: string, contentType: string): unknown {
	if (!raw) return undefined;
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(raw));
	if (type.endsWith('json') || ((raw.startsWith('{') || raw.startsWith('[')) && type !== 'text/plain')) {
		try {
			return JSON.parse(raw);
		} catch {
			return raw;
		}
	}
	return raw;
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** HTTP Basic credentials from an Authorization header, or undefined. */
export function basicAuth(headers: Record<string, string>): { user: string; password: string } | undefined {
	const match = /^Basic\s+(.+)$/i.exec(headers.authorization ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Case-insensitive query lookup (LeadSquared's own examples mix `accessKey` and `accesskey`). */
export function queryParam(query: Record<string, string>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(query)) if (key.toLowerCase() === wanted) return value;
	return undefined;
}

export interface WebhookResult {
	status: number;
	/** Response body as text. */
	body: string;
	/** Response body parsed as JSON when it is JSON. */
	json?: unknown;
	headers: Record<string, string>;
}

/** POSTs a webhook the way the partner does and returns what the receiver answered. */
export async function postWebhook(
	url: string,
	body: string,
	headers: Record<string, string>,
	method = 'POST',
): Promise<WebhookResult> {
	const response = await fetch(url, { method, headers, body: method === 'HEAD' || method === 'GET' ? undefined : body });
	const textBody = await response.text();
	let parsed: unknown;
	try {
		parsed = textBody ? JSON.parse(textBody) : undefined;
	} catch {
		parsed = undefined;
	}
	const responseHeaders: Record<string, string> = {};
	response.headers.forEach((value, key) => {
		responseHeaders[key] = value;
	});
	return { status: response.status, body: textBody, json: parsed, headers: responseHeaders };
}

/** Deterministic GUID-shaped ids: `prefix` (8 hex chars) + a counter. */
export function guid(prefix: string, n: number): string {
	const tail = n.toString(16).padStart(12, '0');
	return `${prefix}-0000-4000-8000-${tail}`;
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, the datetime format LeadSquared and leadPops use. */
export function sqlDateTime(date: Date): string {
	return date.toISOString().replace('T', ' ').slice(0, 19);
}

export function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}
