/**
 * The shape of a GHL record ID. GHL's IDs are 20–24 letters and digits (contacts, tasks, notes,
 * users, calendars: `nmFmQEsNgz6AVpgLVUJ0`; some are 24-hex Mongo ids). `_` and `-` are allowed
 * too, so an ID format GHL has not shown yet still passes, and the length is generous. What matters
 * is what is left out: `/ ? # % .`, spaces and everything else that could change the path a
 * request goes to.
 */
export const GHL_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const GHL_ID_DESCRIPTION = 'a GHL ID (letters, digits, _ or -, like nmFmQEsNgz6AVpgLVUJ0)';

export function isGhlId(value: unknown): value is string {
	return typeof value === 'string' && GHL_ID_PATTERN.test(value);
}
