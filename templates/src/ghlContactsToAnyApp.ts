import { code, config, ghl, ifTrue, manualTrigger, PARTNERS, scheduleTrigger, type N8nNode, type TemplateSpec } from './lib';
import { CONTACT_RECORD, errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, LEDGER, LEDGER_TRIM, SEND_PAGE, sendPageToApp } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';
import { BUSINESS_FILTERS } from './snippets';

const ID = 'ghlContactsToApp';
const PLAN = 'Plan: records in pages, skip synced';
const LIST = 'Get the GHL contacts';

const WINDOW = `${BUSINESS_FILTERS}
// Which contacts this run reads: all of them, or one business's, or (onlyChangedSinceLastRun)
// those updated since the last run that wrote everything, minus an overlap for writes in flight.
const config = $('Config').first().json;
const data = $getWorkflowStaticData('global');
const filters = [];
filters.push(...businessFilters(config));
let since = '';
if (config.onlyChangedSinceLastRun === true && data.lastCompleteRunAt) {
  since = new Date(Date.parse(data.lastCompleteRunAt) - (Number(config.overlapMinutes) || 10) * 60000).toISOString();
  filters.push({ field: 'dateUpdated', operator: 'range', value: { gte: since } });
}
return [{ json: { filtersJson: filters.length ? JSON.stringify(filters) : '', since, startedAt: new Date().toISOString() } }];
`;

const PLAN_CODE = `${LEDGER}${CONTACT_RECORD}
// One record per GHL contact (externalId ghl:<id>, so the app upserts), grouped into pages of
// pageSize. Contacts whose record this workflow already wrote unchanged are dropped here: that is
// what makes a run that stopped half way resume where it stopped.
const config = $('Config').first().json;
const size = Math.min(500, Math.max(1, Number(config.pageSize) || 100));
const seen = new Set();
const pending = [];
const invalid = [];
for (const item of $input.all()) {
  const contact = item.json || {};
  if (!contact.id || seen.has(contact.id)) continue;
  seen.add(contact.id);
  const record = contactRecord(contact, { externalId: 'ghl:' + contact.id }, { businessId: String(contact.businessId || '').trim() });
  const key = 'ghl-contact:' + contact.id;
  const hash = syncHash(record);
  if (alreadySynced(key, hash)) continue;
  // The app matches people by email or phone (Config requireEmailOrPhone): without either, the
  // contact is reported instead of sent.
  if (config.requireEmailOrPhone === true && !record.email && !record.phone) {
    invalid.push({ json: { syncKey: key, valid: false, invalidReason: 'no email or phone to match on' } });
    continue;
  }
  pending.push({ key, hash, record });
}
const pages = [];
for (let start = 0; start < pending.length; start += size) {
  const chunk = pending.slice(start, start + size);
  pages.push({
    json: {
      valid: true,
      syncKey: 'ghl-contacts-page:' + chunk[0].key.slice(12) + '..' + chunk[chunk.length - 1].key.slice(12),
      page: pages.length + 1,
      keys: chunk.map((entry) => entry.key),
      hashes: chunk.map((entry) => entry.hash),
      records: chunk.map((entry) => entry.record),
    },
  });
}
// Nothing left to send (reported contacts come again when they change): this run is complete.
if (!pages.length) $getWorkflowStaticData('global').lastCompleteRunAt = $('Sync window').first().json.startedAt;
return pages.concat(invalid);
`;

const RECORD = `${LEDGER}
// Runs for the pages the app accepted: their contacts are synced. When every page of the run got
// through, the next "since last run" window starts at this run (a reported contact is read again
// once it changes).
const ledger = syncLedger();
const now = Date.now();
const out = [];
for (const [index] of $input.all().entries()) {
  const page = $('${PLAN}').itemMatching(index).json;
  page.keys.forEach((key, at) => { ledger[key] = { hash: page.hashes[at], at: now }; });
  out.push({ json: { syncKey: page.syncKey, page: page.page, records: page.keys.length, synced: true }, pairedItem: { item: index } });
}
if (out.length === $('${PLAN}').all().filter((item) => item.json.valid).length) $getWorkflowStaticData('global').lastCompleteRunAt = $('Sync window').first().json.startedAt;
${LEDGER_TRIM}return out;
`;

const list: N8nNode = {
	...errorOutput(
		ghl(LIST, [660, 0], 'contact', 'getAll', {
			returnAll: true,
			filtersJson: '={{ $json.filtersJson }}',
			sortUi: { rule: [{ field: 'dateAdded', direction: 'asc' }] },
		}),
	),
	// One empty item when nothing matches, so the plan still runs and closes the window.
	alwaysOutputData: true,
};

export const ghlContactsToAnyApp: TemplateSpec = {
	id: ID,
	file: 'ghl-contacts-to-any-app',
	partnerPrivilege: PARTNER_PRIVILEGE.anyAppOut,
	name: 'HighLevel contacts → any app (scheduled full sync, in pages)',
	description:
		'Every hour, all GHL contacts (or one business\'s, or only those changed since the last complete run) are sent to another system\'s HTTP API in pages of `pageSize` records, upserted there by externalId ghl:<contact id>. A contact is recorded as synced only when its page was accepted, so a run that stopped half way (the app went down, n8n restarted) resumes where it stopped and nothing is written twice; unchanged contacts are not sent again. Pages that failed end in "Failed items". Point anyAppUrl and the credential at your app, and adapt the record in the plan step to its fields.',
	nodes: [
		scheduleTrigger('Every hour', [0, 0], { field: 'hours', every: 1 }),
		manualTrigger('Run the sync now', [0, 200]),
		config('Config', [220, 0], [
			{ name: 'anyAppUrl', value: `${PARTNERS}/anyapp/api` },
			{ name: 'businessId', value: '' },
			{ name: 'onlyChangedSinceLastRun', value: false },
			{ name: 'overlapMinutes', value: 10 },
			{ name: 'pageSize', value: 100 },
			{ name: 'requireEmailOrPhone', value: true },
		], ID),
		code('Sync window', [440, 0], WINDOW),
		list,
		code(PLAN, [880, 0], PLAN_CODE),
		ifTrue('Valid?', [1100, 0], '$json.valid', ID),
		sendPageToApp([1320, -100]),
		code('Record as synced', [1540, -100], RECORD),
		failedItems([1540, 200], PLAN),
	],
	links: [
		['Every hour', 'Config'],
		['Run the sync now', 'Config'],
		['Config', 'Sync window'],
		['Sync window', LIST],
		[LIST, PLAN, 0],
		[LIST, FAILED_ITEMS, 1],
		[PLAN, 'Valid?'],
		['Valid?', SEND_PAGE, 0],
		['Valid?', FAILED_ITEMS, 1],
		[SEND_PAGE, 'Record as synced', 0],
		[SEND_PAGE, FAILED_ITEMS, 1],
	],
	stickies: [failedItemsSticky([1820, 200])],
};
