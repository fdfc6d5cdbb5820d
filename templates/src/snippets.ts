/**
 * JavaScript pasted into several Code nodes (a Code node cannot import shared code).
 * Each snippet defines plain functions; keep them free of template-literal syntax.
 */

/** `phoneE164(raw, defaultCountryCode)`: "+91-98450 12345" → "+919845012345"; "(512) 555-0187" + "1" → "+15125550187". */
export const PHONE_E164 = `
function phoneE164(raw, defaultCountryCode) {
  if (raw === undefined || raw === null) return '';
  const text = String(raw).trim();
  if (!text) return '';
  const digits = text.replace(/\\D/g, '');
  if (!digits) return '';
  if (text.startsWith('+')) return '+' + digits;
  if (text.startsWith('00')) return '+' + digits.slice(2);
  if (defaultCountryCode && digits.length === 10) return '+' + defaultCountryCode + digits;
  if (defaultCountryCode && digits.length === 11 && digits.startsWith(defaultCountryCode)) return '+' + digits;
  return '+' + digits;
}
`;

/** `countryCode(nameOrCode)`: "India" → "IN", "España" → "ES", "us" → "US"; '' when unknown. */
export const COUNTRY_CODE = `
const COUNTRY_CODES = {
  'india': 'IN', 'united states': 'US', 'united states of america': 'US', 'usa': 'US', 'canada': 'CA',
  'united kingdom': 'GB', 'uk': 'GB', 'great britain': 'GB', 'ireland': 'IE', 'australia': 'AU',
  'new zealand': 'NZ', 'singapore': 'SG', 'united arab emirates': 'AE', 'uae': 'AE', 'saudi arabia': 'SA',
  'germany': 'DE', 'deutschland': 'DE', 'france': 'FR', 'spain': 'ES', 'españa': 'ES', 'espana': 'ES',
  'portugal': 'PT', 'italy': 'IT', 'italia': 'IT', 'netherlands': 'NL', 'mexico': 'MX', 'méxico': 'MX',
  'brazil': 'BR', 'brasil': 'BR', 'south africa': 'ZA', 'philippines': 'PH', 'malaysia': 'MY', 'indonesia': 'ID',
};
function countryCode(value) {
  const text = String(value || '').trim();
  if (!text) return '';
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
  return COUNTRY_CODES[text.toLowerCase()] || '';
}
`;

/** `businessFilters(config)`: GHL's contact search filter for Config's optional `businessId` ([] when it is empty). */
export const BUSINESS_FILTERS = `
function businessFilters(config) {
  const businessId = String(config.businessId || '').trim();
  return businessId ? [{ field: 'businessId', operator: 'eq', value: businessId }] : [];
}
`;

/** `slug(text)`: "Purchase Home Loan" → "purchase-home-loan" (for tags). */
export const SLUG = `
function slug(text) {
  return String(text || '').toLowerCase().normalize('NFD').replace(/[\\u0300-\\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}
`;

/** `isoFromUtc("2025-11-29 10:30:00")` → "2025-11-29T10:30:00Z" ('' when not a date). */
export const ISO_FROM_UTC = `
function isoFromUtc(value) {
  const text = String(value || '').trim();
  const m = /^(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(?::\\d{2})?)/.exec(text);
  if (!m) return '';
  const iso = m[1] + 'T' + (m[2].length === 5 ? m[2] + ':00' : m[2]) + 'Z';
  return Number.isNaN(Date.parse(iso)) ? '' : iso;
}
`;

/** `utcSql(date)`: Date/ISO → "YYYY-MM-DD HH:MM:SS" in UTC (LeadSquared's datetime format). */
export const UTC_SQL = `
function utcSql(value) {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return date.toISOString().replace('T', ' ').slice(0, 19);
}
`;

/** `payloadsOf(item)`: the partner payload(s) of a Webhook item (`.body`) or of a demo item, as an array. */
export const PAYLOADS_OF = `
function payloadsOf(json) {
  let body = json && json.body !== undefined && json.headers !== undefined ? json.body : json;
  if (typeof body === 'string') {
    try { body = JSON.parse(body); } catch (error) { return []; }
  }
  if (Array.isArray(body)) return body.filter((entry) => entry && typeof entry === 'object');
  return body && typeof body === 'object' ? [body] : [];
}
`;

/** `contactOf(item)`: the contact of a HighLevel Trigger item (payload + fullRecord) or of a GHL node item. */
export const CONTACT_OF = `
function contactOf(json) {
  if (json && json.event !== undefined && json.payload !== undefined) {
    return Object.assign({}, json.payload, json.fullRecord || {});
  }
  return json || {};
}
`;
