import { code, config, contactById, dedupe, ghl, http, manualTrigger, PARTNERS, scheduleTrigger, upsertContact, fromJson, type TemplateSpec } from './lib';
import { COUNTRY_CODE, SLUG } from './snippets';

const ID = 'dpdPollToGhl0001';

const SINCE = `
// DPD's date_min takes unix seconds. The window overlaps earlier runs on purpose; the
// "Only purchases not seen before" step drops what an earlier run already synced.
const config = $('Config').first().json;
const hours = Number(config.lookbackHours) || 24;
return [{ json: { dateMin: Math.floor(Date.now() / 1000) - hours * 3600 } }];
`;

const MAP = `${COUNTRY_CODE}${SLUG}
// DPD answers a JSON array of purchases per page (100 max) and {"status":"NOTFOUND"} past the
// last page. Keep the purchases, map each buyer to GHL fields.
const config = $('Config').first().json;
const statusTags = { ACT: config.customerTag, RFD: config.refundedTag };
const out = [];
for (const item of $input.all()) {
  const purchase = item.json;
  if (!purchase || purchase.id === undefined || !purchase.buyer_email) continue;
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
  out.push({
    json: {
      purchaseId: String(purchase.id),
      status: purchase.status,
      email: String(purchase.buyer_email).trim().toLowerCase(),
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
      noteMarker: 'DPD purchase #' + purchase.id + (refunded ? ' REFUNDED' : ''),
      noteBody: lines.join('\\n'),
    },
  });
}
return out;
`;

const NEW_NOTES = `
// The DPD IPN template may have noted this purchase already: only add a note when the contact
// has none that starts with the same "DPD purchase #id" line.
const out = [];
for (const [index, item] of $input.all().entries()) {
  const wanted = $('Map purchases to GHL').itemMatching(index).json;
  const contactId = $('Create or update GHL contact').itemMatching(index).json.id;
  out.push({ json: { contactId, noteBody: wanted.noteBody, marker: wanted.noteMarker }, pairedItem: { item: index } });
}
return out;
`;

export const dpdPollToGhl: TemplateSpec = {
	id: ID,
	file: 'dpd-purchases-poll-to-ghl',
	name: 'DPD purchases (polling) → HighLevel contacts, tags + notes',
	description:
		'Every 15 minutes, lists the DPD (getdpd.com) purchases of the last 24 hours (all pages) and syncs the buyers to HighLevel: create or update the contact, tag "dpd-customer" and one tag per product (refunds get "dpd-refunded"), and a note per purchase unless one exists. Purchases already synced by an earlier run are skipped. This is the catch-up for the IPN template (DPD never retries an IPN). Click "Execute workflow" to run it once.',
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
		http('List DPD purchases', [660, 100], {
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
		}),
		code('Map purchases to GHL', [880, 100], MAP),
		dedupe('Only purchases not seen before', [1100, 100], "$json.purchaseId + '-' + $json.status"),
		upsertContact('Create or update GHL contact', [1320, 100], {
			...fromJson('firstName', 'lastName', 'companyName', 'address1', 'city', 'state', 'postalCode', 'country'),
			source: "={{ $('Config').first().json.ghlSource }}",
			...fromJson('tags'),
		}),
		code('Note wanted', [1540, 100], NEW_NOTES),
		{
			// Outputs one empty item when no contact has notes yet, so the next step still runs.
			...ghl('Existing notes of the contact', [1760, 100], 'note', 'getAll', {
				contactId: contactById('$json.contactId'),
				returnAll: true,
			}),
			alwaysOutputData: true,
		},
		code('Skip purchases already noted', [1980, 100], `
// "Existing notes" ran once per purchase; keep the purchases whose marker no note starts with.
const out = [];
const wanted = $('Note wanted').all();
wanted.forEach((entry, index) => {
  const notes = $input.all().filter((note) => note.pairedItem && note.pairedItem.item === index);
  const noted = notes.some((note) => String(note.json.body || '').startsWith(entry.json.marker));
  if (!noted) out.push({ json: entry.json, pairedItem: { item: index } });
});
return out;
`),
		ghl('Add note with the purchase', [2200, 100], 'note', 'create', {
			contactId: contactById('$json.contactId'),
			body: '={{ $json.noteBody }}',
			additionalFields: {},
		}),
	],
	links: [
		['Every 15 minutes', 'Config'],
		['Run it now', 'Config'],
		['Config', 'Time window'],
		['Time window', 'List DPD purchases'],
		['List DPD purchases', 'Map purchases to GHL'],
		['Map purchases to GHL', 'Only purchases not seen before'],
		['Only purchases not seen before', 'Create or update GHL contact'],
		['Create or update GHL contact', 'Note wanted'],
		['Note wanted', 'Existing notes of the contact'],
		['Existing notes of the contact', 'Skip purchases already noted'],
		['Skip purchases already noted', 'Add note with the purchase'],
	],
};
