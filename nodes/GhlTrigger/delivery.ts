import type { IDataObject } from 'n8n-workflow';
import { isFresh, timestampOf } from './replay';
import { secretMatches, singleHeader, verifyGhlSignature } from './signature';
import type { TrustedKeys } from './signature';

/**
 * Whether one HTTP request is a delivery this trigger may act on, decided from the request alone:
 * the content type, the bytes n8n kept, the signature or secret, the envelope and its age. Pure
 * (no node context, no state), so every way a request can be malformed is testable directly.
 *
 * The body is parsed here, from the verified bytes. n8n's own parsed body is never read: n8n parses
 * by the request's Content-Type, so the same signed bytes sent as a form or as text become a
 * different object (or none) than the one GHL signed.
 */

/** GHL's payloads are a few kilobytes; anything this large is refused before it is verified or parsed. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Longer than any id GHL sends (a UUID), short enough to keep thousands in static data. */
const MAX_WEBHOOK_ID_LENGTH = 200;

export type Verification = 'ghlSignature' | 'sharedSecret' | 'none';

export interface DeliveryPolicy {
	verification: Verification;
	/** For 'ghlSignature'. */
	keys?: TrustedKeys;
	/** For 'sharedSecret': the header (lower case) and the value it must carry. */
	secret?: { headerName: string; value: string };
	/** Freshness window. */
	windowMs: number;
}

export interface IncomingRequest {
	/** Node's parsed headers (lower-case names). */
	headers: IDataObject;
	/** Node's `rawHeaders`, to see a header sent twice. */
	rawHeaders?: unknown;
	/** What n8n kept as `req.rawBody`: a Buffer, or nothing (multipart, or another reader took it). */
	rawBody: unknown;
}

export type Verdict =
	| { accepted: true; body: IDataObject; stampedAt?: number; webhookId?: string }
	| { accepted: false; status: number; message: string };

function refuse(status: number, message: string): Verdict {
	return { accepted: false, status, message };
}

/** `application/json`, in any case, with no charset or UTF-8 (the only one JSON over HTTP allows). */
export function isJsonContentType(header: unknown): boolean {
	if (typeof header !== 'string') return false;
	const [mediaType, ...parameters] = header.split(';');
	if (mediaType.trim().toLowerCase() !== 'application/json') return false;
	return parameters.every((parameter) => {
		const [name, value = ''] = parameter.split('=');
		if (name.trim().toLowerCase() !== 'charset') return true;
		return /^"?utf-?8"?$/i.test(value.trim());
	});
}

/** A JSON object from UTF-8 bytes; undefined for invalid UTF-8, invalid JSON, or JSON that is not an object. */
export function parseJsonObject(bytes: Buffer): IDataObject | undefined {
	const text = bytes.toString('utf8');
	// Invalid UTF-8 decodes to U+FFFD and so does not encode back to the same bytes.
	if (Buffer.byteLength(text, 'utf8') !== bytes.length || !Buffer.from(text, 'utf8').equals(bytes)) return undefined;
	try {
		const value = JSON.parse(text) as unknown;
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
	} catch {
		// Invalid JSON, or nesting deep enough to exhaust the stack.
		return undefined;
	}
}

export function checkDelivery(request: IncomingRequest, policy: DeliveryPolicy, now: number): Verdict {
	if (!isJsonContentType(request.headers['content-type'])) {
		return refuse(415, 'Expected Content-Type: application/json');
	}
	const rawBody = request.rawBody;
	if (!Buffer.isBuffer(rawBody)) return refuse(400, 'The request body was not kept by n8n, so it cannot be verified');
	if (rawBody.length > MAX_BODY_BYTES) return refuse(413, `Body larger than ${MAX_BODY_BYTES} bytes`);

	// 1. Authenticity: nothing of an unauthenticated request is read further.
	if (policy.verification === 'ghlSignature') {
		const check = verifyGhlSignature({ rawBody, headers: request.headers, rawHeaders: request.rawHeaders }, policy.keys ?? { ed25519: [], rsa: [] });
		if (!check.valid) return refuse(401, check.reason === 'unsigned' ? 'Missing signature' : 'Invalid signature');
	} else if (policy.verification === 'sharedSecret') {
		const secret = policy.secret;
		if (!secret || !secretMatches(singleHeader(request, secret.headerName), secret.value)) return refuse(401, 'Invalid secret');
	}

	const body = parseJsonObject(rawBody);
	if (!body) return refuse(400, 'Expected a JSON object');

	// 2. The envelope. GHL's auth guide says every delivery carries both; a signed one without them
	// could be replayed forever, so signed deliveries must have them. GHL workflow webhooks (shared
	// secret, or none) have neither; there they are checked when present.
	const signed = policy.verification === 'ghlSignature';
	const stampedAt = timestampOf(body.timestamp);
	if (stampedAt === undefined && signed) return refuse(400, 'Signed delivery without a timestamp');
	if (stampedAt !== undefined && Number.isNaN(stampedAt)) return refuse(400, 'Unreadable delivery timestamp');
	const webhookId = body.webhookId;
	const hasWebhookId = typeof webhookId === 'string' && webhookId !== '' && webhookId.length <= MAX_WEBHOOK_ID_LENGTH;
	if (signed && !hasWebhookId) return refuse(400, 'Signed delivery without a valid webhookId');

	// 3. Freshness. Refused with 401, like a bad signature: a replayed delivery is not proof that
	// GHL sent it now, and GHL retries no 4xx but 429, so the code only shows up in logs and monitoring.
	if (stampedAt !== undefined && !isFresh(stampedAt, policy.windowMs, now)) {
		return refuse(401, 'Delivery timestamp outside the accepted window');
	}
	return { accepted: true, body, stampedAt, webhookId: hasWebhookId ? (webhookId as string) : undefined };
}
