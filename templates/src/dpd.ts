/**
 * What the DPD templates share: one purchase → one GHL plan (contact fields, tags, note, record key),
 * so the IPN's catch-up (polling) and the batch import write the same key, tags and note line for a
 * purchase, and the note of one is found by the others (`DPD purchase #<id>:`).
 */
import { fromJson } from './lib';
import { contactSync } from './sync';

/**
 * Code-node function `planPurchase(purchase, config)`: a DPD API purchase → the plan item
 * (syncKey `dpd-purchase:<id>-<status>`, syncHash, valid, contact fields, tags, marker, noteBody),
 * or null for statuses that are not synced (only ACT and RFD are). Needs COUNTRY_CODE, SLUG, LEDGER.
 */
export const PLAN_PURCHASE = `
function planPurchase(purchase, config) {
  const statusTags = { ACT: config.customerTag, RFD: config.refundedTag };
  if (!statusTags[purchase.status]) return null;
  const lineItems = Array.isArray(purchase.line_items) ? purchase.line_items : [];
  const productTags = lineItems.map((line) => config.productTagPrefix + slug(line.product_name)).filter((tag) => tag !== config.productTagPrefix);
  const refunded = purchase.status === 'RFD';
  const created = new Date(Number(purchase.created_at) * 1000).toISOString();
  const coupons = (purchase.coupons || []).map((c) => c.code).filter(Boolean);
  const custom = (purchase.custom_fields || []).map((f) => f.label + ': ' + f.response);
  const lines = [
    'DPD purchase #' + purchase.id + (refunded ? ' REFUNDED' : '') + ': ' + purchase.total + ' ' + purchase.currency +
      (Number(purchase.discount) ? ' (discount ' + purchase.discount + (coupons.length ? ', coupon ' + coupons.join(', ') : '') + ')' : ''),
    ...lineItems.map((line) => '- ' + line.quantity + ' x ' + line.product_name + ': ' + line.total + ' ' + purchase.currency),
    ...custom,
    'Purchased ' + created + ', storefront ' + purchase.storefront_id + ', status ' + purchase.status + '.',
  ];
  const contact = {
    email: String(purchase.buyer_email || '').trim().toLowerCase(),
    phone: purchase.shipping_phone || '',
    firstName: purchase.buyer_firstname || (purchase.customer && purchase.customer.first_name) || '',
    lastName: purchase.buyer_lastname || (purchase.customer && purchase.customer.last_name) || '',
    companyName: purchase.shipping_business_name || '',
    address1: purchase.billing_street || '',
    city: purchase.billing_city || '',
    state: purchase.billing_state || '',
    postalCode: purchase.billing_zip_code || '',
    country: countryCode(purchase.billing_country_code),
    tags: [statusTags[purchase.status], ...(refunded ? [] : productTags)].filter(Boolean).join(', '),
  };
  // The IPN template writes the same key (for ACT) and a note starting with the same line.
  const syncKey = 'dpd-purchase:' + purchase.id + '-' + purchase.status;
  const invalidReason = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(contact.email) ? '' : 'invalid buyer email ' + contact.email.slice(0, 80);
  const marker = 'DPD purchase #' + purchase.id + (refunded ? ' REFUNDED' : '') + ':';
  return Object.assign({ syncKey, syncHash: syncHash(contact), valid: !invalidReason, invalidReason, marker, noteBody: lines.join('\\n') + '\\n[sync:dpd-purchase:' + purchase.id + ']' }, contact);
}
`;

/** The write path of the API-fed DPD templates (poll, import): upsert, source once, note once, record. */
export function purchaseSync(templateId: string, planNode: string, at: [number, number]) {
	return contactSync({
		templateId,
		planNode,
		at,
		contactFields: { ...fromJson('firstName', 'lastName', 'companyName', 'address1', 'city', 'state', 'postalCode', 'country', 'tags') },
		sourceExpression: "$('Config').first().json.ghlSource",
		side: { kind: 'note', label: 'Note', params: { body: '={{ $json.noteBody }}', additionalFields: {} } },
	});
}
