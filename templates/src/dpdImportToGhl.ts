import { PLAN_PURCHASE, purchaseSync } from './dpd';
import { code, config, http, ifTrue, loopOverItems, manualTrigger, PARTNERS, scheduleTrigger, waitSeconds, type TemplateSpec } from './lib';
import { COUNTRY_CODE, SLUG } from './snippets';
import { failedItemsSticky, LEDGER } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'dpdImportToGhl01';
const LOOP = 'Loop over DPD pages';
const PLAN = 'Check the pages, plan purchases';
const PAST_END = 'Past the last page?';

/**
 * The cursor (static data `dpdImport`): the date range fixed when the import started (so pages do
 * not shift while new purchases come in), the next page to read, whether the last page was seen,
 * and the purchases read (`pending`: key → page; those the ledger holds are written and dropped at
 * the next start). A run starts at the first page holding one not written, else at the next page.
 */
const CURSOR = `${LEDGER}
const config = $('Config').first().json;
const data = $getWorkflowStaticData('global');
const iso = (ms) => new Date(ms).toISOString().replace(/\\.\\d{3}Z$/, 'Z');
const from = String(config.importFrom || '').trim();
const to = String(config.importTo || '').trim();
const range = from + '..' + to;
if (!data.dpdImport || data.dpdImport.range !== range || config.startOver === true) {
  const fromMs = Date.parse(from);
  if (Number.isNaN(fromMs)) throw new Error('Config importFrom is not a date: "' + from + '" (e.g. 2019-01-01T00:00:00Z)');
  const toMs = to ? Date.parse(to) : Date.now();
  if (Number.isNaN(toMs) || toMs < fromMs) throw new Error('Config importTo is not a date after importFrom: "' + to + '" (empty: when the import started)');
  data.dpdImport = { range, dateMin: iso(fromMs), dateMax: iso(toMs), nextPage: 1, done: false, pending: {}, startedAt: new Date().toISOString() };
}
const cursor = data.dpdImport;
const ledger = syncLedger();
for (const key of Object.keys(cursor.pending)) if (ledger[key]) delete cursor.pending[key];
const waiting = Object.values(cursor.pending);
// Imported completely: nothing to read (deactivate the workflow, or set startOver for a new range).
if (cursor.done && !waiting.length) return [];
const start = Math.min(cursor.nextPage, ...waiting);
const perRun = Math.min(100, Math.max(1, Number(config.pagesPerRun) || 5));
const end = cursor.done ? Math.min(start + perRun - 1, cursor.nextPage - 1) : start + perRun - 1;
cursor.runStart = start;
const pages = [];
for (let page = start; page <= end; page++) pages.push({ json: { page, dateMin: cursor.dateMin, dateMax: cursor.dateMax } });
return pages;
`;

const NOTE_PAGE = `
// The page number with DPD's answer (or the request's error), fed back to the loop. After the last
// page (short, or DPD's NOTFOUND) or a failure, stopReading lets the rest of this run's pages pass unread.
return $input.all().map((item, index) => {
  const { statusCode, body, error } = item.json;
  const full = statusCode === 200 && Array.isArray(body) && body.length >= 100;
  return {
    json: { page: $('${LOOP}').itemMatching(index).json.page, statusCode, body, error, stopReading: !full },
    pairedItem: { item: index },
  };
});
`;

const PLAN_CODE = `${COUNTRY_CODE}${SLUG}${LEDGER}${PLAN_PURCHASE}
// The pages in order, up to the first DPD failure: purchases not synced yet become plan items;
// the cursor moves past the pages read. The last page is short, empty or DPD's {"status":"NOTFOUND"}.
const config = $('Config').first().json;
const cursor = $getWorkflowStaticData('global').dpdImport;
const pages = $input.all().map((item) => item.json).sort((a, b) => a.page - b.page);
const seen = new Set();
const out = [];
let lastRead = cursor.runStart - 1;
for (const page of pages) {
  const body = page.body;
  const notFound = page.statusCode === 404 && body && body.status === 'NOTFOUND';
  if (page.error || !(notFound || (page.statusCode === 200 && Array.isArray(body)))) {
    const answer = page.error ? JSON.stringify(page.error) : page.statusCode + ' ' + JSON.stringify(body);
    out.push({ json: { syncKey: 'dpd-page:' + page.page, valid: false, dpdFailed: true, invalidReason: 'DPD answered ' + String(answer).slice(0, 300) + ' on page ' + page.page + ' of the import; the next run resumes at this page' } });
    break;
  }
  lastRead = page.page;
  const purchases = notFound ? [] : body;
  for (const purchase of purchases) {
    const plan = planPurchase(purchase, config);
    if (!plan || seen.has(plan.syncKey)) continue;
    seen.add(plan.syncKey);
    if (alreadySynced(plan.syncKey, plan.syncHash)) continue;
    if (plan.valid) cursor.pending[plan.syncKey] = page.page;
    out.push({ json: plan });
  }
  if (purchases.length < 100) {
    cursor.done = true;
    break;
  }
}
cursor.nextPage = Math.max(cursor.nextPage, lastRead + 1);
return out;
`;

const STOP = `
// Runs after every write of this run (n8n runs the branch above first): a DPD failure ends the
// run as failed, so the execution list and the Error Workflow show it.
const failed = $('${PLAN}').all().find((item) => item.json.dpdFailed);
if (failed) throw new Error(failed.json.invalidReason);
return [];
`;

const tail = purchaseSync(ID, PLAN, [1100, 0]);

export const dpdImportToGhl: TemplateSpec = {
	id: ID,
	file: 'dpd-purchases-import-to-ghl',
	partnerPrivilege: PARTNER_PRIVILEGE.dpdApi,
	name: 'DPD purchase history (one-time import, resumable) → HighLevel',
	description:
		'Imports every DPD (getdpd.com) purchase between `importFrom` and `importTo` (empty: until the import started), however many, into HighLevel the same way as the DPD polling and IPN templates: same record key, tags and note ("DPD purchase #<id>:"), so a purchase any of them wrote is not written again. Activate the workflow: every 15 minutes a run reads the next `pagesPerRun` pages of 100 purchases (Loop Over Items, a Wait of `secondsBetweenPages` between pages) and writes them, paced under GHL\'s limits by the HighLevel node. Where it got to is kept in the workflow\'s static data (kept for active runs, not for manual ones): a run that stopped (DPD down, n8n restarted, GHL failing) is resumed by the next at the first page not fully written, and nothing is written twice. A DPD error (down, wrong credential) goes to "Failed items" and fails the run, after what was read is written; set Settings › Error Workflow to hear about it. When everything is imported, runs do nothing: deactivate it. Refunds after the import reach GHL through the polling template.',
	nodes: [
		scheduleTrigger('Every 15 minutes', [0, 0], { field: 'minutes', every: 15 }),
		manualTrigger('Run it now', [0, 220]),
		config('Config', [220, 100], [
			{ name: 'dpdApiUrl', value: `${PARTNERS}/dpd/v2` },
			{ name: 'importFrom', value: '2015-01-01T00:00:00Z' },
			{ name: 'importTo', value: '' },
			{ name: 'pagesPerRun', value: 5 },
			{ name: 'secondsBetweenPages', value: 1 },
			{ name: 'startOver', value: false },
			{ name: 'customerTag', value: 'dpd-customer' },
			{ name: 'refundedTag', value: 'dpd-refunded' },
			{ name: 'productTagPrefix', value: 'dpd-product-' },
			{ name: 'ghlSource', value: 'DPD' },
		], ID),
		code('Import cursor', [440, 100], CURSOR),
		loopOverItems(LOOP, [660, 100], 1),
		ifTrue(PAST_END, [880, 260], "$('Note the page number').isExecuted && $('Note the page number').last().json.stopReading === true", ID),
		waitSeconds('Wait between pages', [1100, 360], "$('Config').first().json.secondsBetweenPages"),
		{
			...http('Read one DPD page', [1320, 360], {
				method: 'GET',
				url: "={{ $('Config').first().json.dpdApiUrl }}/purchases",
				credential: 'dpdApi',
				query: [
					{ name: 'date_min', value: '={{ $json.dateMin }}' },
					{ name: 'date_max', value: '={{ $json.dateMax }}' },
					{ name: 'page', value: '={{ $json.page }}' },
				],
				neverError: true,
				fullResponse: true,
			}),
			// A dropped connection becomes an item too, so the loop goes on and the plan step stops there.
			onError: 'continueRegularOutput',
		},
		code('Note the page number', [1540, 360], NOTE_PAGE),
		code(PLAN, [880, 0], PLAN_CODE),
		code('Stop if DPD failed', [1100, 640], STOP),
		...tail.nodes,
	],
	links: [
		['Every 15 minutes', 'Config'],
		['Run it now', 'Config'],
		['Config', 'Import cursor'],
		['Import cursor', LOOP],
		[LOOP, PLAN, 0],
		[LOOP, PAST_END, 1],
		[PAST_END, LOOP, 0],
		[PAST_END, 'Wait between pages', 1],
		['Wait between pages', 'Read one DPD page'],
		['Read one DPD page', 'Note the page number'],
		['Note the page number', LOOP],
		[PLAN, 'Valid?'],
		[PLAN, 'Stop if DPD failed'],
		...tail.links,
	],
	stickies: [failedItemsSticky([3300, 400])],
};
