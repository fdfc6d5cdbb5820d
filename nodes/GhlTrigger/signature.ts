import { createHash, createPublicKey, timingSafeEqual, verify } from 'crypto';
import type { KeyObject } from 'crypto';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

/**
 * GHL's key for the legacy `x-wh-signature` (RSA-SHA256, 4096-bit), verbatim from
 * docs/oauth/WebhookAuthentication.md of GoHighLevel/highlevel-api-docs and the Webhook
 * Integration Guide.
 */
export const GHL_RSA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
-----END PUBLIC KEY-----`;

/**
 * GHL's key for `x-ghl-signature` (Ed25519). HighLevel's SDK reads it from configuration and
 * does not embed it; this value is the one quoted from the Webhook Integration Guide by many
 * independent integrations. If GHL rotates it, add the new key under Options → Additional Public
 * Keys (or turn off the built-in keys).
 */
export const GHL_ED25519_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
-----END PUBLIC KEY-----`;

export interface TrustedKeys {
	ed25519: KeyObject[];
	rsa: KeyObject[];
}

/** Shorter RSA keys can be factored; GHL's own key has 4096 bits. */
export const MIN_RSA_KEY_BITS = 2048;

const PEM_BLOCK = /-----BEGIN (?:RSA )?PUBLIC KEY-----[\s\S]+?-----END (?:RSA )?PUBLIC KEY-----/g;

/** Parsed key sets by the text they came from; a node's keys rarely change, requests are many. */
const parsedKeys = new Map<string, TrustedKeys>();
const MAX_CACHED_KEY_SETS = 50;

function parseKeys(node: INode, pemText: string): TrustedKeys {
	const keys: TrustedKeys = { ed25519: [], rsa: [] };
	// Keys pasted from JSON often carry literal "\n" sequences instead of line breaks.
	const blocks = pemText.replace(/\\n/g, '\n').match(PEM_BLOCK) ?? [];
	if (pemText.trim() !== '' && blocks.length === 0) {
		throw new NodeOperationError(node, 'Additional Public Keys holds no PEM public key', {
			description: 'Paste one or more keys, each from "-----BEGIN PUBLIC KEY-----" to "-----END PUBLIC KEY-----".',
		});
	}
	for (const block of blocks) {
		let key: KeyObject;
		try {
			key = createPublicKey({ key: block, format: 'pem' });
		} catch (error) {
			throw new NodeOperationError(node, `A public key could not be read: ${(error as Error).message}`, {
				description: 'Check Options → Additional Public Keys: each key must be a complete PEM public key.',
			});
		}
		if (key.asymmetricKeyType === 'ed25519') {
			keys.ed25519.push(key);
		} else if (key.asymmetricKeyType === 'rsa') {
			const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
			if (bits < MIN_RSA_KEY_BITS) {
				throw new NodeOperationError(node, `An RSA public key of ${bits} bits is too short to trust`, {
					description: `Check Options → Additional Public Keys: RSA keys need at least ${MIN_RSA_KEY_BITS} bits (GHL's has 4096).`,
				});
			}
			keys.rsa.push(key);
		} else {
			throw new NodeOperationError(node, `Unsupported public key type "${key.asymmetricKeyType}"`, {
				description: 'GHL signs webhooks with Ed25519 (x-ghl-signature) or RSA (x-wh-signature) keys.',
			});
		}
	}
	return keys;
}

/** GHL's published keys (unless turned off) plus the keys given in the node. */
export function trustedKeys(node: INode, useBuiltInKeys: boolean, additionalPem: string): TrustedKeys {
	const text = `${useBuiltInKeys ? `${GHL_ED25519_PUBLIC_KEY}\n${GHL_RSA_PUBLIC_KEY}\n` : ''}${additionalPem}`;
	let keys = parsedKeys.get(text);
	if (!keys) {
		keys = parseKeys(node, text);
		if (parsedKeys.size >= MAX_CACHED_KEY_SETS) parsedKeys.clear();
		parsedKeys.set(text, keys);
	}
	return keys;
}

/** What the verification looks at: the exact bytes received and the request's headers. */
export interface SignedRequest {
	rawBody: Buffer;
	/** Node's parsed headers (lower-case names; repeated headers joined with ", "). */
	headers: IDataObject;
	/** Node's `rawHeaders` (name, value, name, value…), when the request object has them. */
	rawHeaders?: unknown;
}

export type HeaderValue = { kind: 'absent' } | { kind: 'one'; value: string } | { kind: 'malformed' };

function occurrences(rawHeaders: unknown, name: string): number | undefined {
	if (!Array.isArray(rawHeaders)) return undefined;
	let count = 0;
	for (let index = 0; index < rawHeaders.length; index += 2) {
		if (String(rawHeaders[index]).toLowerCase() === name) count++;
	}
	return count;
}

/**
 * A header that must be sent exactly once. A repeated header is malformed, not "the first value":
 * Node joins repeats into "a, b", and reading either part would let a second value ride along.
 * An empty value or GHL's literal "N/A" counts as absent.
 */
export function singleHeader(request: Pick<SignedRequest, 'headers' | 'rawHeaders'>, name: string): HeaderValue {
	const count = occurrences(request.rawHeaders, name);
	if (count !== undefined && count > 1) return { kind: 'malformed' };
	const value = request.headers[name];
	if (value === undefined || value === null || value === '' || value === 'N/A') return { kind: 'absent' };
	if (typeof value !== 'string') return { kind: 'malformed' };
	return { kind: 'one', value };
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Standard base64 and nothing else: no whitespace, no URL-safe alphabet, no missing or extra
 * padding, no stray bits in the last character. Node's own decoder skips what it does not
 * understand, which is how "valid, junk" used to verify.
 */
export function decodeBase64Strictly(text: string): Buffer | undefined {
	if (text === '' || !BASE64.test(text)) return undefined;
	const bytes = Buffer.from(text, 'base64');
	return bytes.toString('base64') === text ? bytes : undefined;
}

export type SignatureCheck =
	| { valid: true; scheme: 'ed25519' | 'rsa' }
	| { valid: false; reason: 'unsigned' | 'invalid' };

const ED25519_SIGNATURE_BYTES = 64;
const INVALID: SignatureCheck = { valid: false, reason: 'invalid' };

function verifies(algorithm: string | null, data: Buffer, key: KeyObject, signature: Buffer): boolean {
	try {
		return verify(algorithm, data, key, signature);
	} catch {
		return false;
	}
}

/**
 * Verifies GHL's signatures over the exact bytes received. `x-ghl-signature` (Ed25519) is tried
 * first, `x-wh-signature` (RSA-SHA256, legacy) second; a delivery is genuine when either carries
 * a valid signature by a trusted key. Both prove the same thing, so accepting the legacy one when
 * the Ed25519 one fails only matters after a key rotation GHL has not announced yet. A signature
 * header that is present but malformed (repeated, not strict base64, wrong length) fails the
 * delivery even when the other header is valid.
 */
export function verifyGhlSignature(request: SignedRequest, keys: TrustedKeys): SignatureCheck {
	const ed25519Header = singleHeader(request, 'x-ghl-signature');
	const rsaHeader = singleHeader(request, 'x-wh-signature');
	if (ed25519Header.kind === 'absent' && rsaHeader.kind === 'absent') return { valid: false, reason: 'unsigned' };
	if (ed25519Header.kind === 'malformed' || rsaHeader.kind === 'malformed') return INVALID;

	const ed25519Signature = ed25519Header.kind === 'one' ? decodeBase64Strictly(ed25519Header.value) : undefined;
	const rsaSignature = rsaHeader.kind === 'one' ? decodeBase64Strictly(rsaHeader.value) : undefined;
	if (ed25519Header.kind === 'one' && ed25519Signature?.length !== ED25519_SIGNATURE_BYTES) return INVALID;
	if (rsaHeader.kind === 'one' && !rsaSignature) return INVALID;

	if (ed25519Signature) {
		for (const key of keys.ed25519) {
			if (verifies(null, request.rawBody, key, ed25519Signature)) return { valid: true, scheme: 'ed25519' };
		}
	}
	if (rsaSignature) {
		for (const key of keys.rsa) {
			// A signature is exactly as long as the key's modulus; other lengths cannot be valid.
			if (rsaSignature.length !== Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8)) continue;
			if (verifies('sha256', request.rawBody, key, rsaSignature)) return { valid: true, scheme: 'rsa' };
		}
	}
	return INVALID;
}

/** Compares a received secret header with the configured secret in constant time, whatever their lengths. */
export function secretMatches(received: HeaderValue, expected: string): boolean {
	if (received.kind !== 'one' || expected === '') return false;
	const a = createHash('sha256').update(received.value, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}
