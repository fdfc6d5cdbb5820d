/**
 * Secrets never reach an error, a node's output, a log line, a template or a fixture (issue 9).
 *
 * This module knows the secrets of a test run: the sandbox's fixed demo tokens and OAuth client
 * secret, every secret field of a credential handed to a node (TestCredentialsHelper.add registers
 * them: tokens, client secrets, webhook shared secrets), and the shapes of the tokens the sandbox
 * issues (so a token is recognised even before anything registered it, or cut short). `observe`
 * checks what a run produced; test/secrets.setup.ts feeds it every workflow run, webhook answer,
 * poll and console line of every jest file and fails the file when something leaked.
 * test/secrets.test.ts scans templates, docs and fixtures with `findSecrets` and proves both checks
 * can fail. The e2e suite scans n8n's own logs with it (test/e2e/lib/jest.ts).
 */
import { DEMO_OAUTH_CLIENT_SECRET, DEMO_PIT, DEMO_READ_ONLY_PIT, OTHER_LOCATION_PIT } from '../../sandbox/seed';

/**
 * Token formats: the sandbox's (sandbox/auth.ts: `sandbox-at-`/`sandbox-rt-` + 40 letters and
 * digits; sandbox/seed.ts: `sandbox-pit-…`), GHL's Private Integration tokens (`pit-` + a UUID) and
 * JWTs (GHL's OAuth access tokens). Eight characters after a prefix are enough to call it a token.
 */
export const TOKEN_SHAPES: ReadonlyArray<{ label: string; pattern: RegExp }> = [
	{ label: 'sandbox OAuth access token', pattern: /sandbox-at-[A-Za-z0-9]{8,}/ },
	{ label: 'sandbox OAuth refresh token', pattern: /sandbox-rt-[A-Za-z0-9]{8,}/ },
	{ label: 'sandbox Private Integration token', pattern: /sandbox-pit-[a-z]+(?:-[a-z]+){2,}/ },
	{ label: 'GHL Private Integration token', pattern: /\bpit-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i },
	{ label: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
];

/** Shorter values are words, not secrets (the webhook secret credential asks for 16 characters). */
const MIN_SECRET_LENGTH = 12;

/** Secret value → what it is. Never printed: messages name the label only. */
const known = new Map<string, string>();

export function registerSecret(label: string, value: unknown): void {
	if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH || known.has(value)) return;
	known.set(value, label);
}

registerSecret('sandbox Private Integration token (demo location)', DEMO_PIT);
registerSecret('sandbox Private Integration token (demo location, read-only)', DEMO_READ_ONLY_PIT);
registerSecret('sandbox Private Integration token (other location)', OTHER_LOCATION_PIT);
registerSecret('sandbox OAuth client secret', DEMO_OAUTH_CLIENT_SECRET);

/** The secret fields of each credential type, as in credentials/*.credentials.ts. */
const SECRET_FIELDS: Record<string, string[]> = {
	ghlApi: ['accessToken'],
	ghlOAuth2Api: ['clientSecret'],
	ghlAgencyOAuth2Api: ['clientSecret'],
	ghlWebhookSecretApi: ['secret'],
};

/** Registers a credential's secrets (its password fields and OAuth tokens) before a node gets it. */
export function registerCredential(credential: { type: string; data?: Record<string, unknown> }): void {
	const data = credential.data ?? {};
	for (const field of SECRET_FIELDS[credential.type] ?? []) registerSecret(`${credential.type}.${field}`, data[field]);
	const tokens = data.oauthTokenData as Record<string, unknown> | undefined;
	if (tokens && typeof tokens === 'object') {
		registerSecret(`${credential.type} access token`, tokens.access_token);
		registerSecret(`${credential.type} refresh token`, tokens.refresh_token);
	}
}

export interface SecretHit {
	label: string;
	index: number;
	length: number;
}

/** Every known secret and token-shaped value in `text`. */
export function findSecrets(text: string): SecretHit[] {
	const hits: SecretHit[] = [];
	for (const [value, label] of known) {
		const index = text.indexOf(value);
		if (index >= 0) hits.push({ label, index, length: value.length });
	}
	for (const { label, pattern } of TOKEN_SHAPES) {
		const match = pattern.exec(text);
		// A known secret that also has a token's shape is reported once, by its name.
		if (match && !hits.some((hit) => hit.index <= match.index && match.index < hit.index + hit.length)) {
			hits.push({ label, index: match.index, length: match[0].length });
		}
	}
	return hits;
}

/** `text` with every secret replaced by `[secret: <label>]`, so a report never repeats one. */
export function redact(text: string): string {
	let out = text;
	for (const [value, label] of known) out = out.split(value).join(`[secret: ${label}]`);
	for (const { label, pattern } of TOKEN_SHAPES) out = out.replace(new RegExp(pattern.source, `${pattern.flags}g`), `[secret: ${label}]`);
	return out;
}

/**
 * The text of a value as n8n would show or store it: strings of objects and arrays, and of errors
 * their message, description and other own fields (cause, context, …). An error's `node` is
 * skipped: it is the workflow's own node definition (what the user typed), not something produced.
 */
export function textOf(value: unknown): string {
	const parts: string[] = [];
	const seen = new WeakSet<object>();
	const walk = (current: unknown, depth: number): void => {
		if (typeof current === 'string') {
			parts.push(current);
			return;
		}
		if (current === null || typeof current !== 'object' || depth > 25 || seen.has(current)) return;
		if (Buffer.isBuffer(current) || ArrayBuffer.isView(current)) return;
		seen.add(current);
		const error = current instanceof Error;
		const keys = error ? Object.getOwnPropertyNames(current) : Object.keys(current);
		for (const key of keys) {
			if (error && key === 'node') continue;
			parts.push(key);
			walk((current as Record<string, unknown>)[key], depth + 1);
		}
	};
	walk(value, 0);
	return parts.join('\n');
}

export interface Leak {
	/** The test that was running, when known. */
	test?: string;
	/** What produced the text: "workflow run", "webhook answer", "console.warn", … */
	where: string;
	/** Which secret (its label; never the value). */
	secret: string;
	/** The text around it, redacted. */
	excerpt: string;
}

const leaks: Leak[] = [];

/** Checks what a run produced; a secret in it is recorded as a leak. */
export function observe(where: string, value: unknown): void {
	const text = typeof value === 'string' ? value : textOf(value);
	const hits = findSecrets(text);
	if (!hits.length) return;
	const test = (globalThis as { expect?: { getState?: () => { currentTestName?: string } } }).expect?.getState?.().currentTestName;
	for (const hit of hits) {
		const excerpt = text.slice(Math.max(0, hit.index - 80), hit.index + hit.length + 80);
		leaks.push({ ...(test ? { test } : {}), where, secret: hit.label, excerpt: redact(excerpt).replace(/\s+/g, ' ') });
	}
}

/** The leaks recorded so far, forgotten once taken. */
export function takeLeaks(): Leak[] {
	return leaks.splice(0);
}

export function describeLeaks(found: Leak[]): string {
	return found.map((leak) => `- ${leak.secret} in ${leak.where}${leak.test ? ` (test "${leak.test}")` : ''}: …${leak.excerpt}…`).join('\n');
}
