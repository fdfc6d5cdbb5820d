import { code, config, ghl, ifTrue, manualTrigger, PARTNERS, scheduleTrigger, type N8nNode, type TemplateSpec } from './lib';
import { CONTACT_RECORD, errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, LEDGER, LEDGER_TRIM, SEND_PAGE, sendPageToApp } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'ghlAgencyFanOut1';
const INSTALLED = 'Get installed sub-accounts';
const SUB_ACCOUNTS = 'Sub-accounts to sync';
const LIST = "Get the sub-account's changed contacts";
const PLAN = 'Plan: pages per sub-account, skip synced';

/** Static data of the whole workflow: `subAccounts[<location id>] = { name, lastCompleteRunAt }`. */
const KNOWN = `
function knownSubAccounts() {
  const data = $getWorkflowStaticData('global');
  if (!data.subAccounts || typeof data.subAccounts !== 'object') data.subAccounts = {};
  return data.subAccounts;
}
`;

const SUB_ACCOUNTS_CODE = `${KNOWN}
// One item per sub-account to sync, with the contacts it reads this run: those changed since its
// last complete run (minus an overlap for writes in flight), or all of them the first time.
// A sub-account synced before that is no longer installed is tried once more, so its revoked
// installation shows in Failed items (GHL refuses its token); then it is forgotten until the app
// is installed there again.
let listingFailed = [];
try { listingFailed = $('${INSTALLED}').all(1); } catch (error) { listingFailed = []; }
// The listing failed (it is on Failed items): nothing is known about the installations this run.
if (listingFailed.length) return [];
const config = $('Config').first().json;
const known = knownSubAccounts();
const startedAt = new Date().toISOString();
const overlapMs = (Number(config.overlapMinutes) || 10) * 60000;
const out = [];
const add = (id, name, installed, pairedItem) => {
  const last = known[id] && known[id].lastCompleteRunAt;
  const since = last ? new Date(Date.parse(last) - overlapMs).toISOString() : '';
  const filters = since ? [{ field: 'dateUpdated', operator: 'range', value: { gte: since } }] : [];
  out.push({
    json: { syncKey: 'ghl-sub-account:' + id, subAccountId: id, subAccountName: name, installed, since, startedAt, filtersJson: filters.length ? JSON.stringify(filters) : '' },
    ...(pairedItem === undefined ? {} : { pairedItem }),
  });
};
const listed = new Set();
for (const [index, item] of $input.all().entries()) {
  const id = String(item.json._id || '');
  if (!id || listed.has(id)) continue;
  listed.add(id);
  add(id, String(item.json.name || id), true, { item: index });
}
const nameContains = String(config.subAccountNameContains || '').trim().toLowerCase();
for (const [id, entry] of Object.entries(known)) {
  if (listed.has(id) || (nameContains && !String(entry.name || '').toLowerCase().includes(nameContains))) continue;
  add(id, String(entry.name || id), false);
  delete known[id];
}
return out;
`;

const PLAN_CODE = `${LEDGER}${CONTACT_RECORD}${KNOWN}
// One record per changed contact (externalId ghl:<sub-account>:<contact id>, so the app upserts),
// in pages of pageSize per sub-account: a page never mixes sub-accounts, so one sub-account's
// failure holds back only its own records. Records this workflow already wrote unchanged are
// dropped; a sub-account whose contacts were read and have nothing left to send is complete now.
const config = $('Config').first().json;
const size = Math.min(500, Math.max(1, Number(config.pageSize) || 100));
const subAccounts = $('${SUB_ACCOUNTS}').all().map((item) => item.json);
let failedReads = [];
try { failedReads = $("${LIST}").all(1); } catch (error) { failedReads = []; }
// Sub-accounts whose contacts could not be read (error output, paired with their sub-account item).
const unread = new Set(failedReads.map((item) => [].concat(item.pairedItem || [])[0]).filter(Boolean).map((paired) => subAccounts[paired.item] && subAccounts[paired.item].subAccountId));
const pending = new Map(subAccounts.map((sub) => [sub.subAccountId, []]));
const invalid = [];
const seen = new Set();
// The listing's own output: its pairedItem says which sub-account item each contact was read for.
for (const [index, item] of $("${LIST}").all().entries()) {
  const contact = item.json || {};
  const paired = [].concat(item.pairedItem || [])[0];
  const sub = paired ? subAccounts[paired.item] : undefined;
  if (!contact.id || !sub) continue;
  const key = 'ghl-contact:' + sub.subAccountId + ':' + contact.id;
  if (seen.has(key)) continue;
  seen.add(key);
  const record = contactRecord(contact, { externalId: 'ghl:' + sub.subAccountId + ':' + contact.id, subAccountId: sub.subAccountId, subAccountName: sub.subAccountName });
  const hash = syncHash(record);
  if (alreadySynced(key, hash)) continue;
  if (config.requireEmailOrPhone === true && !record.email && !record.phone) {
    invalid.push({ json: { syncKey: key, subAccountId: sub.subAccountId, valid: false, invalidReason: 'sub-account ' + sub.subAccountName + ' (' + sub.subAccountId + '): contact ' + contact.id + ' has no email or phone to match on' }, pairedItem: { item: index } });
    continue;
  }
  pending.get(sub.subAccountId).push({ key, hash, record, index });
}
const known = knownSubAccounts();
const pages = [];
for (const sub of subAccounts) {
  const entries = pending.get(sub.subAccountId);
  if (unread.has(sub.subAccountId)) continue;
  if (!entries.length) {
    known[sub.subAccountId] = { name: sub.subAccountName, lastCompleteRunAt: sub.startedAt };
    continue;
  }
  for (let start = 0, page = 1; start < entries.length; start += size, page++) {
    const chunk = entries.slice(start, start + size);
    pages.push({
      json: {
        valid: true,
        syncKey: 'ghl-contacts-page:' + sub.subAccountId + ':' + chunk[0].record.ghlContactId + '..' + chunk[chunk.length - 1].record.ghlContactId,
        subAccountId: sub.subAccountId,
        subAccountName: sub.subAccountName,
        page,
        keys: chunk.map((entry) => entry.key),
        hashes: chunk.map((entry) => entry.hash),
        records: chunk.map((entry) => entry.record),
      },
      pairedItem: { item: chunk[0].index },
    });
  }
}
return pages.concat(invalid);
`;

const RECORD = `${LEDGER}${KNOWN}
// Runs for the pages the app accepted: their contacts are synced. A sub-account whose pages all
// got through is complete: its next run reads from this run's start (minus the overlap).
const ledger = syncLedger();
const known = knownSubAccounts();
const now = Date.now();
const out = [];
const accepted = new Map();
for (const [index] of $input.all().entries()) {
  const page = $('${PLAN}').itemMatching(index).json;
  page.keys.forEach((key, at) => { ledger[key] = { hash: page.hashes[at], at: now }; });
  accepted.set(page.subAccountId, (accepted.get(page.subAccountId) || 0) + 1);
  out.push({ json: { syncKey: page.syncKey, subAccountId: page.subAccountId, subAccountName: page.subAccountName, page: page.page, records: page.keys.length, synced: true }, pairedItem: { item: index } });
}
const planned = $('${PLAN}').all().filter((item) => item.json.valid);
for (const sub of $('${SUB_ACCOUNTS}').all().map((item) => item.json)) {
  const pages = planned.filter((item) => item.json.subAccountId === sub.subAccountId).length;
  if (pages > 0 && accepted.get(sub.subAccountId) === pages) known[sub.subAccountId] = { name: sub.subAccountName, lastCompleteRunAt: sub.startedAt };
}
${LEDGER_TRIM}return out;
`;

const installed: N8nNode = {
	...errorOutput(ghl(INSTALLED, [440, 0], 'agency', 'getInstalledSubAccounts', { returnAll: true, query: '={{ $json.subAccountNameContains }}' }, 'agency')),
	// One empty item when the app is installed nowhere, so sub-accounts synced before are still reported.
	alwaysOutputData: true,
};

const list: N8nNode = {
	...errorOutput(
		ghl(
			LIST,
			[880, 0],
			'contact',
			'getAll',
			{
				subAccount: { __rl: true, mode: 'id', value: '={{ $json.subAccountId }}' },
				returnAll: true,
				filtersJson: '={{ $json.filtersJson }}',
				sortUi: { rule: [{ field: 'dateAdded', direction: 'asc' }] },
			},
			'agency',
		),
	),
	// One empty item when no sub-account has a changed contact, so the plan still closes their windows.
	alwaysOutputData: true,
};

export const ghlAgencyFanOut: TemplateSpec = {
	id: ID,
	file: 'ghl-agency-fan-out',
	partnerPrivilege: PARTNER_PRIVILEGE.anyAppOut,
	name: 'HighLevel agency: the same contact sync for every installed sub-account',
	description:
		'Every hour, with one agency connection: lists the sub-accounts your app is installed in, then for each one reads the contacts changed since that sub-account\'s last complete run (all of them the first time) and sends them to another system\'s HTTP API in pages, each record upserted by externalId ghl:<sub-account>:<contact> and carrying its sub-account. Every sub-account keeps its own window, so one that fails (the app was uninstalled there, its page was refused) holds back only itself: its items end in "Failed items" with the reason, the others sync. Unchanged contacts are not sent again. Point anyAppUrl and the credential at your app.',
	nodes: [
		scheduleTrigger('Every hour', [0, 0], { field: 'hours', every: 1 }),
		manualTrigger('Run the sync now', [0, 200]),
		config('Config', [220, 0], [
			{ name: 'anyAppUrl', value: `${PARTNERS}/anyapp/api` },
			{ name: 'subAccountNameContains', value: '' },
			{ name: 'overlapMinutes', value: 10 },
			{ name: 'pageSize', value: 100 },
			{ name: 'requireEmailOrPhone', value: true },
		], ID),
		installed,
		code(SUB_ACCOUNTS, [660, 0], SUB_ACCOUNTS_CODE),
		list,
		code(PLAN, [1100, 0], PLAN_CODE),
		ifTrue('Valid?', [1320, 0], '$json.valid', ID),
		sendPageToApp([1540, -100]),
		code('Record as synced', [1760, -100], RECORD),
		failedItems([1760, 200], PLAN, [SUB_ACCOUNTS]),
	],
	links: [
		['Every hour', 'Config'],
		['Run the sync now', 'Config'],
		['Config', INSTALLED],
		[INSTALLED, SUB_ACCOUNTS, 0],
		[INSTALLED, FAILED_ITEMS, 1],
		[SUB_ACCOUNTS, LIST],
		[LIST, PLAN, 0],
		[LIST, FAILED_ITEMS, 1],
		[PLAN, 'Valid?'],
		['Valid?', SEND_PAGE, 0],
		['Valid?', FAILED_ITEMS, 1],
		[SEND_PAGE, 'Record as synced', 0],
		[SEND_PAGE, FAILED_ITEMS, 1],
	],
	stickies: [
		failedItemsSticky([2040, 200]),
		{
			content:
				'### One connection, every sub-account\nThe HighLevel nodes use a **HighLevel (GHL) Agency OAuth2 API** credential (scopes `oauth.readonly`, `oauth.write`, `contacts.readonly`). *Get the sub-account\'s changed contacts* acts for the sub-account of each item (`Sub-Account` = `{{ $json.subAccountId }}`): the node mints that sub-account\'s token. Config `subAccountNameContains` limits the run to some sub-accounts.',
			position: [440, -360],
			width: 420,
			height: 220,
			color: 5,
		},
	],
};
