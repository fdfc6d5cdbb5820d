import { code, config, http, manualTrigger, PARTNERS, scheduleTrigger, fromJson, type TemplateSpec } from './lib';
import { COUNTRY_CODE, SLUG } from './snippets';
import { contactSync, errorOutput, FAILED_ITEMS, failedItemsSticky, LEDGER } from './sync';

const ID = 'dpdPollToGhl0001';

const SINCE = `
// DPD's date_min takes unix seconds. The window overlaps earlier runs on purpose; the plan step
// skips what an earlier run already synced.
const config = $('Config').first().json;
const hours = Number(config.lookbackHours) || 24;
return [{ json: { dateMin: Math.floor(Date.now() / 1000) - hours * 3600 } }];
`;

const MAP = `${COUNTRY_CODE}${SLUG}${LEDGER}
// DPD answers a JSON array of purchases per page (100 max) and {"status":"NOTFOUND"} past the
// last page. Keep the purchases, map each buyer to GHL fields.
const config = $('Config').first().json;
const statusTags = { ACT: config.customerTag, RFD: config.refundedTag };
const out = [];
for (const item of $input.all()) {
  const purchase = item.json;
  if (purchase && !Array.isArray(purchase) && purchase.id === undefined) {
    // Past the last page DPD answers {"status":"NOTFOUND"}; any other answer is a failed listing:
    // nothing is recorded, the next run reads the same window again.
    if (purchase.status !== 'NOTFOUND') {
      out.push({ json: { syncKey: 'dpd-listing', valid: false, invalidReason: 'DPD answered: ' + JSON.stringify(purchase).slice(0, 200) } });
    }
    continue;
  }
  if (!purchase || purchase.id === undefined) continue;
  if (!statusTags[purchase.status]) continue;
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
  const syncKey = 'dpd-purchase:' + purchase.id + '-' + purchase.status;
  const hash = syncHash(contact);
  if (alreadySynced(syncKey, hash)) continue;
  const invalidReason = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(contact.email) ? '' : 'invalid buyer email ' + contact.email.slice(0, 80);
  // The IPN template's note starts with the same "DPD purchase #id" line: either one counts.
  const marker = 'DPD purchase #' + purchase.id + (refunded ? ' REFUNDED' : '') + ':';
  out.push({ json: Object.assign({ syncKey, syncHash: hash, valid: !invalidReason, invalidReason, marker, noteBody: lines.join('\\n') + '\\n[sync:dpd-purchase:' + purchase.id + ']' }, contact) });
}
return out;
`;

const PLAN = 'Map purchases to GHL';
const tail = contactSync({
	templateId: ID,
	planNode: PLAN,
	at: [1100, 100],
	contactFields: { ...fromJson('firstName', 'lastName', 'companyName', 'address1', 'city', 'state', 'postalCode', 'country', 'tags') },
	sourceExpression: "$('Config').first().json.ghlSource",
	side: { kind: 'note', label: 'Note', params: { body: '={{ $json.noteBody }}', additionalFields: {} } },
});

export const dpdPollToGhl: TemplateSpec = {
	id: ID,
	file: 'dpd-purchases-poll-to-ghl',
	name: 'DPD purchases (polling) → HighLevel contacts, tags + notes',
	description:
		'Every 15 minutes, lists the DPD (getdpd.com) purchases of the last 24 hours (all pages) and syncs the buyers to HighLevel: create or update the contact, tag "dpd-customer" and one tag per product (refunds get "dpd-refunded"), and a note per purchase unless one exists. Purchases already synced by an earlier run are skipped; a failed one ends in "Failed items" and is written by a later run (the window overlaps). Set Settings › Error Workflow to hear about runs that fail as a whole. This is the catch-up for the IPN template (DPD never retries an IPN). Click "Execute workflow" to run it once.',
	nodes: [
		scheduleTrigger('Every 15 minutes', [0, 0], { field: 'minutes', every: 15 }),
		manualTrigger('Run it now', [0, 220]),
		config('Config', [220, 100], [
			{ name: 'dpdApiUrl', value: `${PARTNERS}/dpd/v2` },
			{ name: 'lookbackHours', value: 24 },
			{ name: 'customerTag', value: 'dpd-customer' },
			{ name: 'refundedTag', value: 'dpd-refunded' },
			{ name: 'productTagPrefix', value: 'dpd-product-' },
			{ name: 'ghlSource', value: 'DPD' },
		], ID),
		code('Time window', [440, 100], SINCE),
		errorOutput(http('List DPD purchases', [660, 100], {
			method: 'GET',
			url: "={{ $('Config').first().json.dpdApiUrl }}/purchases",
			credential: 'dpdApi',
			query: [{ name: 'date_min', value: '={{ $json.dateMin }}' }],
			neverError: true,
			pagination: {
				paginationMode: 'updateAParameterInEachRequest',
				parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
				paginationCompleteWhen: 'other',
				completeExpression: '={{ !Array.isArray($response.body) || $response.body.length < 100 }}',
				limitPagesFetched: true,
				maxRequests: 50,
			},
		})),
		code(PLAN, [880, 100], MAP),
		...tail.nodes,
	],
	links: [
		['Every 15 minutes', 'Config'],
		['Run it now', 'Config'],
		['Config', 'Time window'],
		['Time window', 'List DPD purchases'],
		['List DPD purchases', PLAN, 0],
		['List DPD purchases', FAILED_ITEMS, 1],
		[PLAN, 'Valid?'],
		...tail.links,
	],
	stickies: [failedItemsSticky([2640, 400])],
};
