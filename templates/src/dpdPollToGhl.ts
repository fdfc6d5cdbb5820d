import { PLAN_PURCHASE, purchaseSync } from './dpd';
import { code, config, http, manualTrigger, PARTNERS, scheduleTrigger, type TemplateSpec } from './lib';
import { COUNTRY_CODE, SLUG } from './snippets';
import { errorOutput, FAILED_ITEMS, failedItemsSticky, LEDGER } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'dpdPollToGhl0001';

const SINCE = `
// Two listings: purchases created in the window (DPD's date_min takes unix seconds; the window
// overlaps earlier runs on purpose, the plan step skips what an earlier run synced), and every
// refund whatever its purchase date (date_min filters on the purchase's creation, so a refund of
// an old purchase is only seen this way).
const config = $('Config').first().json;
const hours = Number(config.lookbackHours) || 24;
const listings = [{ json: { listing: 'recent', query: { date_min: Math.floor(Date.now() / 1000) - hours * 3600 } } }];
if (config.refundsOfAnyDate !== false) listings.push({ json: { listing: 'refunds', query: { status: 'RFD' } } });
return listings;
`;

const MAP = `${COUNTRY_CODE}${SLUG}${LEDGER}${PLAN_PURCHASE}
// DPD answers a JSON array of purchases per page (100 max) and {"status":"NOTFOUND"} past the
// last page. Keep the purchases, map each buyer to GHL fields; a refund in both listings counts once.
const config = $('Config').first().json;
const seen = new Set();
const out = [];
const failures = [];
for (const item of $input.all()) {
  const purchase = item.json;
  if (purchase && !Array.isArray(purchase) && purchase.id === undefined) {
    // Past the last page DPD answers {"status":"NOTFOUND"}; any other answer is a failed listing.
    if (purchase.status !== 'NOTFOUND') failures.push(JSON.stringify(purchase).slice(0, 200));
    continue;
  }
  if (!purchase || purchase.id === undefined) continue;
  const plan = planPurchase(purchase, config);
  if (!plan || seen.has(plan.syncKey)) continue;
  seen.add(plan.syncKey);
  if (alreadySynced(plan.syncKey, plan.syncHash)) continue;
  out.push({ json: plan });
}
// A listing that failed: nothing is written or recorded, the next run reads both listings again.
if (failures.length) return [{ json: { syncKey: 'dpd-listing', valid: false, invalidReason: 'DPD answered: ' + failures[0] } }];
return out;
`;

const PLAN = 'Map purchases to GHL';
const tail = purchaseSync(ID, PLAN, [1100, 100]);

export const dpdPollToGhl: TemplateSpec = {
	id: ID,
	file: 'dpd-purchases-poll-to-ghl',
	partnerPrivilege: PARTNER_PRIVILEGE.dpdApi,
	name: 'DPD purchases (polling) → HighLevel contacts, tags + notes',
	description:
		'Every 15 minutes, lists the DPD (getdpd.com) purchases of the last 24 hours and every refund whatever the purchase\'s date (all pages) and syncs the buyers to HighLevel: create or update the contact, tag "dpd-customer" and one tag per product (refunds get "dpd-refunded"), and a note per purchase unless one exists. Purchases already synced by an earlier run are skipped; a failed one ends in "Failed items" and is written by a later run (the window overlaps). Set Settings › Error Workflow to hear about runs that fail as a whole. This is the catch-up for the IPN template (DPD never retries an IPN). Click "Execute workflow" to run it once.',
	nodes: [
		scheduleTrigger('Every 15 minutes', [0, 0], { field: 'minutes', every: 15 }),
		manualTrigger('Run it now', [0, 220]),
		config('Config', [220, 100], [
			{ name: 'dpdApiUrl', value: `${PARTNERS}/dpd/v2` },
			{ name: 'lookbackHours', value: 24 },
			{ name: 'refundsOfAnyDate', value: true },
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
			jsonQuery: 'JSON.stringify($json.query)',
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
