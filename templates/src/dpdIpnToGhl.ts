import { code, config, http, ifTrue, manualTrigger, noOp, PARTNERS, webhook, fromJson, type TemplateSpec } from './lib';
import { webhookSample } from './samples';
import { COUNTRY_CODE, SLUG } from './snippets';
import { contactSync, errorOutput, FAILED_ITEMS, failedItemsSticky, LEDGER } from './sync';
import sample from '../../sandbox/partners/payloads/dpd-purchase-ipn.json';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'dpdIpnToGhl00001';

const PREPARE = `
// DPD posts the IPN as form fields. Verification posts the same fields back unchanged.
const out = [];
for (const [index, item] of $input.all().entries()) {
  const json = item.json;
  const fields = json.body !== undefined && json.headers !== undefined ? json.body : json;
  if (!fields || typeof fields !== 'object' || !fields.txn_id) continue;
  const ipn = {};
  for (const [key, value] of Object.entries(fields)) ipn[key] = value === null || value === undefined ? '' : String(value);
  const verifyBody = Object.entries(ipn)
    .map(([key, value]) => encodeURIComponent(key) + '=' + encodeURIComponent(value))
    .join('&');
  out.push({ json: { syncKey: 'dpd-purchase:' + ipn.txn_id + '-ACT', ipn, verifyBody }, pairedItem: { item: index } });
}
return out;
`;

const MAP = `${COUNTRY_CODE}${SLUG}${LEDGER}
// Verified IPN → GHL contact fields, tags and a note. Cart items are item_name1, item_name2, …
const config = $('Config').first().json;
const out = [];
for (const [index, item] of $input.all().entries()) {
  const ipn = $('Prepare verification').itemMatching(index).json.ipn;
  const items = [];
  for (let n = 1; ipn['item_name' + n] !== undefined; n++) {
    items.push({
      name: ipn['item_name' + n],
      productId: ipn['item_number' + n] || '',
      quantity: ipn['quantity' + n] || '1',
      amount: ipn['mc_gross_' + n] || '',
      currency: ipn['mc_currency_' + n] || ipn.mc_currency || '',
      sku: ipn['sku' + n] || '',
    });
  }
  const productTags = items.map((entry) => config.productTagPrefix + slug(entry.name)).filter((tag) => tag !== config.productTagPrefix);
  const lines = [
    'DPD purchase #' + ipn.txn_id + ': ' + ipn.mc_gross + ' ' + ipn.mc_currency +
      (ipn.discount && Number(ipn.discount) ? ' (discount ' + ipn.discount + (ipn.coupon_code ? ', coupon ' + ipn.coupon_code : '') + ')' : ''),
    ...items.map((entry) => '- ' + entry.quantity + ' x ' + entry.name + (entry.sku ? ' [' + entry.sku + ']' : '') + ': ' + entry.amount + ' ' + entry.currency),
    'Marketing opt-in: ' + (ipn.marketing_optin === '1' ? 'yes' : 'no'),
    'Verified with DPD (IPN).',
  ];
  const contact = {
    email: String(ipn.payer_email || '').trim().toLowerCase(),
    firstName: ipn.first_name || '',
    lastName: ipn.last_name || '',
    address1: ipn.address_street || '',
    city: ipn.address_city || '',
    state: ipn.address_state || '',
    postalCode: ipn.address_zip || '',
    country: countryCode(ipn.address_country_code || ipn.address_country),
    tags: [config.customerTag, ...productTags].filter(Boolean).join(', '),
  };
  // The same key and note line as the DPD polling template, its catch-up: either one writes it once.
  const syncKey = 'dpd-purchase:' + ipn.txn_id + '-ACT';
  const hash = syncHash(contact);
  if (alreadySynced(syncKey, hash)) continue;
  const invalidReason = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(contact.email) ? '' : 'invalid payer email ' + contact.email.slice(0, 80);
  out.push({
    json: Object.assign({ syncKey, syncHash: hash, valid: !invalidReason, invalidReason, txnId: ipn.txn_id, marker: 'DPD purchase #' + ipn.txn_id + ':' }, contact, {
      noteBody: lines.join('\\n') + '\\n[sync:dpd-purchase:' + ipn.txn_id + ']',
    }),
    pairedItem: { item: index },
  });
}
return out;
`;

const DEMO = `
// The IPN DPD posts for a completed purchase (partner-payloads/dpd-purchase-ipn.json), as the
// Webhook node outputs it. The partner simulator knows this notification, so it verifies there.
return [{ json: { headers: {}, query: {}, body: ${JSON.stringify(sample, null, 2).replace(/\n/g, '\n  ')} } }];
`;

const PLAN = 'Map purchase to GHL';
const tail = contactSync({
	templateId: ID,
	planNode: PLAN,
	at: [1540, 40],
	contactFields: { ...fromJson('firstName', 'lastName', 'address1', 'city', 'state', 'postalCode', 'country', 'tags') },
	phone: '',
	sourceExpression: "$('Config').first().json.ghlSource",
	side: { kind: 'note', label: 'Note', params: { body: '={{ $json.noteBody }}', additionalFields: {} } },
	failedAlsoFrom: ['Prepare verification'],
});

export const dpdIpnToGhl: TemplateSpec = {
	id: ID,
	file: 'dpd-ipn-to-ghl-contact',
	partnerPrivilege: PARTNER_PRIVILEGE.dpdIpn,
	name: 'DPD purchase (IPN) → HighLevel contact, tags + note',
	description:
		'DPD (getdpd.com) posts an IPN notification for every completed purchase. The notification is verified with DPD\'s `/notification/verify`; the buyer becomes a HighLevel contact tagged "dpd-customer" plus one tag per product, with one note listing the purchase (the same note the polling template writes, so neither writes it twice); source "DPD" only on new contacts. A failure (DPD or GHL) ends in "Failed items"; DPD never retries an IPN, so run the "DPD purchases (polling)" template as this one\'s catch-up: it writes what failed or was missed, once. Set Settings › Error Workflow for runs that fail as a whole. Click "Execute workflow" to run it on a sample IPN.',
	nodes: [
		webhook('DPD IPN webhook', [0, 0], {
			path: 'dpd/ipn',
			auth: 'basicAuth',
			credential: 'dpdIpn',
			responseBody: 'OK',
			responseContentType: 'text/plain',
		}),
		manualTrigger('Try it with a sample IPN', [0, 220]),
		code('Sample DPD IPN (demo data)', [220, 220], DEMO),
		config('Config', [440, 100], [
			{ name: 'dpdApiUrl', value: `${PARTNERS}/dpd/v2` },
			{ name: 'customerTag', value: 'dpd-customer' },
			{ name: 'productTagPrefix', value: 'dpd-product-' },
			{ name: 'ghlSource', value: 'DPD' },
		], ID),
		code('Prepare verification', [660, 100], PREPARE),
		errorOutput(
			http('Verify the IPN with DPD', [880, 100], {
				method: 'POST',
				url: "={{ $('Config').first().json.dpdApiUrl }}/notification/verify",
				credential: 'dpdApi',
				formBody: '$json.verifyBody',
				textResponse: true,
			}),
		),
		ifTrue('VERIFIED?', [1100, 100], "String($json.data).trim() === 'VERIFIED'", ID),
		noOp('Ignore: not verified by DPD', [1320, 260]),
		code(PLAN, [1320, 40], MAP),
		...tail.nodes,
	],
	editorSample: [webhookSample(sample)],
	links: [
		['DPD IPN webhook', 'Config'],
		['Try it with a sample IPN', 'Sample DPD IPN (demo data)'],
		['Sample DPD IPN (demo data)', 'Config'],
		['Config', 'Prepare verification'],
		['Prepare verification', 'Verify the IPN with DPD'],
		['Verify the IPN with DPD', 'VERIFIED?', 0],
		['Verify the IPN with DPD', FAILED_ITEMS, 1],
		['VERIFIED?', PLAN, 0],
		['VERIFIED?', 'Ignore: not verified by DPD', 1],
		[PLAN, 'Valid?'],
		...tail.links,
	],
	stickies: [failedItemsSticky([3500, 600])],
};
