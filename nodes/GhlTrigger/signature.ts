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
		if (key.asymmetricKeyType === 'ed25519') keys.ed25519.push(key);
		else if (key.asymmetricKeyType === 'rsa') keys.rsa.push(key);
		else {
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

/** A header value as one string; a missing, empty or literal "N/A" signature counts as absent. */
function signatureHeader(headers: IDataObject, name: string): string | undefined {
	const raw = headers[name];
	const value = (Array.isArray(raw) ? raw[0] : raw) as unknown;
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' || trimmed.toUpperCase() === 'N/A' ? undefined : trimmed;
}

export type SignatureCheck =
	| { valid: true; scheme: 'ed25519' | 'rsa' }
	| { valid: false; reason: 'unsigned' | 'invalid' };

const ED25519_SIGNATURE_BYTES = 64;

/**
 * Verifies GHL's signatures over the exact bytes received. `x-ghl-signature` (Ed25519) is tried
 * first, `x-wh-signature` (RSA-SHA256, legacy) second; a delivery is genuine when either carries
 * a valid signature by a trusted key. Both prove the same thing, so accepting the legacy one when
 * the Ed25519 one fails only matters after a key rotation GHL has not announced yet.
 */
export function verifyGhlSignature(rawBody: Buffer, headers: IDataObject, keys: TrustedKeys): SignatureCheck {
	const ed25519Signature = signatureHeader(headers, 'x-ghl-signature');
	const rsaSignature = signatureHeader(headers, 'x-wh-signature');
	if (!ed25519Signature && !rsaSignature) return { valid: false, reason: 'unsigned' };

	if (ed25519Signature) {
		const signature = Buffer.from(ed25519Signature, 'base64');
		if (signature.length === ED25519_SIGNATURE_BYTES) {
			for (const key of keys.ed25519) {
				if (verify(null, rawBody, key, signature)) return { valid: true, scheme: 'ed25519' };
			}
		}
	}
	if (rsaSignature) {
		const signature = Buffer.from(rsaSignature, 'base64');
		for (const key of keys.rsa) {
			// A signature of the wrong length cannot be valid; skipping it keeps verify() from throwing.
			const modulusBits = key.asymmetricKeyDetails?.modulusLength ?? 0;
			if (signature.length !== Math.ceil(modulusBits / 8)) continue;
			if (verify('sha256', rawBody, key, signature)) return { valid: true, scheme: 'rsa' };
		}
	}
	return { valid: false, reason: 'invalid' };
}

/** Compares a received secret with the configured one in constant time, whatever their lengths. */
export function secretMatches(received: unknown, expected: string): boolean {
	const value = Array.isArray(received) ? received[0] : received;
	if (typeof value !== 'string' || expected === '') return false;
	const a = createHash('sha256').update(value, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}
