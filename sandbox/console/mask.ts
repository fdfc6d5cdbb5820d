/**
 * What the consoles show of recorded requests: tokens, keys, secrets and passwords replaced by a
 * mask, wherever they sit (headers, query, body), so a page or a screenshot never carries one.
 */

export const MASK = '••••••';

/** Field names whose values are credentials (GHL, OAuth, and the partners' demo keys). */
const SECRET_NAME = /authorization|token|secret|password|passw|api[-_]?key|access[-_]?key|^code$|client_secret|signature|cookie/i;

function maskHeaderValue(name: string, value: string): string {
	// Keep the scheme, so a reader still sees "Bearer" or "Basic" was sent.
	if (/authorization/i.test(name)) {
		const scheme = /^(\w+)\s+\S/.exec(value)?.[1];
		return scheme ? `${scheme} ${MASK}` : MASK;
	}
	return MASK;
}

/** A deep copy of `value` with every secret-named field's value masked. */
export function maskSecrets(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(maskSecrets);
	if (value === null || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
		if (SECRET_NAME.test(key) && field !== undefined && field !== null && field !== '') {
			out[key] = typeof field === 'string' ? maskHeaderValue(key, field) : MASK;
		} else {
			out[key] = maskSecrets(field);
		}
	}
	return out;
}

/** The same for a text that may hold secrets outside of named fields (e.g. a form body): exact values replaced. */
export function maskValues(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) if (secret) out = out.split(secret).join(MASK);
	return out;
}
