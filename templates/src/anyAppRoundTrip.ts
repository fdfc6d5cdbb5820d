import { anyAppWebhook, code, config, contactById, ghl, http, ifTrue, manualTrigger, PARTNERS, type N8nNode, type TemplateSpec } from './lib';
import { webhookSample } from './samples';
import { PAYLOADS_OF } from './snippets';
import { CONTACT_RECORD, errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, LEDGER, READS_BY_ITEM, recordDone } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'anyAppRoundTrip1';
const PLAN = 'Plan: updated records, skip echoes';
const FIND = 'Find the GHL contact';
const FOUND = 'GHL contact of each record';
const KEYED = 'Records with a GHL contact';
const GET = 'Get the full GHL contact';
const TASKS = 'Tasks of the contact';
const NOTES = 'Notes of the contact';
const WRITES = 'Plan: app writes and tags, skip written';
const APP_WRITE = 'Write to the app';
const ADD_TAGS = "Add the app's tags to the GHL contact";

/** What the app posts when one of its records changed (also what the demo sends). */
export const ANY_APP_UPDATE_SAMPLE = {
	event: 'record.updated',
	record: {
		externalId: 'crm-ada',
		email: 'ada.lovelace@example.com',
		firstName: 'Ada',
		tags: ['from-the-app'],
	},
};

/**
 * Code-node functions shared by both plans: the echo ledger. After a round, the app holds the
 * record as it came in plus what this workflow wrote; an update event carrying exactly that record
 * (minus the fields the app changes on its own, Config `echoIgnoresFields`) is the echo of those writes.
 */
const ECHO = `
function echoHash(record, ignored) {
  const kept = Object.assign({}, record);
  String(ignored || '').split(',').map((field) => field.trim()).filter(Boolean).forEach((field) => delete kept[field]);
  return syncHash(kept);
}
const echoKey = (externalId) => 'any-app-round:echo:' + externalId;
`;

const PLAN_CODE = `${PAYLOADS_OF}${LEDGER}${ECHO}
// One item per updated record (the last event of a record in the batch wins). The app's own
// writes from this template come back as update events too: an event whose record is what the app
// held after this template's last round is that echo, and is dropped before any GHL call.
const config = $('Config').first().json;
const latest = new Map();
for (const [index, item] of $input.all().entries()) {
  for (const payload of payloadsOf(item.json)) {
    const records = payload.record ? [payload.record] : Array.isArray(payload.records) ? payload.records : [payload];
    for (const record of records) {
      if (!record || typeof record !== 'object') continue;
      const externalId = String(record.externalId || record.id || '').trim();
      latest.delete(externalId);
      latest.set(externalId, { externalId, record, index });
    }
  }
}
const out = [];
for (const { externalId, record, index } of latest.values()) {
  if (externalId && alreadySynced(echoKey(externalId), echoHash(record, config.echoIgnoresFields))) continue;
  const ghlContactId = String(record.ghlContactId || '').trim();
  const email = String(record.email || '').trim().toLowerCase();
  let invalidReason = '';
  if (!externalId) invalidReason = 'no record externalId';
  else if (!ghlContactId && !email) invalidReason = 'no ghlContactId or email to find the GHL contact by';
  else if (!ghlContactId && !/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(email)) invalidReason = 'invalid email ' + email.slice(0, 80);
  // GHL's contact search: by the id the app holds, else by email.
  const filters = ghlContactId ? [{ field: 'id', operator: 'eq', value: ghlContactId }] : [{ field: 'email', operator: 'eq', value: email }];
  out.push({
    json: { syncKey: 'any-app-round:' + externalId, valid: !invalidReason, invalidReason, externalId, ghlContactId, email, record, filtersJson: JSON.stringify(filters) },
    pairedItem: { item: index },
  });
}
return out;
`;

const FOUND_CODE = `${READS_BY_ITEM}
// The contact the search found for each record (paired with its plan item), or the reason none.
// Items whose search failed are on its error output (Failed items).
const wanted = $('Valid?').all(0);
const reads = readsByItem(wanted.length, ['${FIND}']);
const found = reads.of('${FIND}');
const out = [];
wanted.forEach((entry, index) => {
  if (reads.failed.has(index)) return;
  const [match] = found[index];
  const plan = entry.json;
  const by = plan.ghlContactId ? 'id ' + plan.ghlContactId : 'email ' + plan.email;
  out.push({
    json: Object.assign({}, plan, match ? { found: true, contactId: match.id } : { found: false, invalidReason: 'no GHL contact with ' + by }),
    pairedItem: { item: index },
  });
});
return out;
`;

const KEYED_CODE = `return $input.all().map((item, index) => ({ json: item.json, pairedItem: { item: index } }));\n`;

/** The keyed records again, so the next read runs once per record (its items pair with the records). */
const AGAIN = `return $('${KEYED}').all().map((item, index) => ({ json: item.json, pairedItem: { item: index } }));\n`;

const WRITES_CODE = `${LEDGER}${CONTACT_RECORD}${READS_BY_ITEM}${ECHO}
// For each record: the app record's fields from GHL, each GHL note and task as the record's note or
// task under the GHL id (a keyed PUT: a replay overwrites, never adds), and the app's tags GHL does
// not have yet. A write whose content this workflow already wrote is skipped; a record whose reads
// failed is on Failed items, not written with parts missing.
const config = $('Config').first().json;
const records = $('${KEYED}').all();
const reads = readsByItem(records.length, ['${GET}', '${TASKS}', '${NOTES}']);
const failedIndexes = reads.failed;
const contacts = reads.of('${GET}');
const tasks = reads.of('${TASKS}');
const notes = reads.of('${NOTES}');
const text = (value) => (value === null || value === undefined ? '' : String(value));
const path = (...parts) => parts.map(encodeURIComponent).join('/');
const out = [];
const push = (json, index) => {
  if (json.kind === 'app' && alreadySynced(json.syncKey, json.syncHash)) return;
  out.push({ json: Object.assign({ valid: true }, json), pairedItem: { item: index } });
};
records.forEach((item, index) => {
  if (failedIndexes.has(index) || !contacts[index].length) return;
  const plan = item.json;
  const contact = contacts[index][0];
  const ext = plan.externalId;
  // Tags are only added (GHL keeps them in lower case): the app's tags GHL lacks, and the record gets both sets.
  const has = (contact.tags || []).map((tag) => String(tag).trim().toLowerCase());
  const appTags = [].concat(Array.isArray(plan.record.tags) ? plan.record.tags : String(plan.record.tags || '').split(','))
    .map((tag) => String(tag).trim().toLowerCase()).filter(Boolean);
  const missing = [...new Set(appTags.filter((tag) => !has.includes(tag)))].sort();
  const record = contactRecord(contact, { externalId: ext }, { tags: [...new Set(has.concat(missing))].sort() });
  push({ kind: 'app', syncKey: 'any-app-round:record:' + ext, syncHash: syncHash(record), path: path(ext), body: record }, index);
  // What the app will hold once these writes are in: its update events carrying it are echoes.
  syncLedger()[echoKey(ext)] = { hash: echoHash(Object.assign({}, plan.record, record), config.echoIgnoresFields), at: Date.now() };
  for (const note of notes[index]) {
    const body = { body: text(note.body), ghlNoteId: note.id, dateAdded: text(note.dateAdded) };
    push({ kind: 'app', syncKey: 'any-app-round:note:' + ext + ':' + note.id, syncHash: syncHash(body), path: path(ext, 'notes', note.id), body }, index);
  }
  for (const task of tasks[index]) {
    const body = { title: text(task.title), body: text(task.body), dueDate: text(task.dueDate), completed: task.completed === true, ghlTaskId: task.id };
    push({ kind: 'app', syncKey: 'any-app-round:task:' + ext + ':' + task.id, syncHash: syncHash(body), path: path(ext, 'tasks', task.id), body }, index);
  }
  if (missing.length) {
    push({ kind: 'tags', syncKey: 'any-app-round:tags:' + ext, syncHash: syncHash(missing), contactId: contact.id, tags: missing.join(', ') }, index);
  }
});
return out;
`;

const DEMO = `
// An update as the app would post it, shaped like the Webhook node's output.
return [{ json: { headers: {}, query: {}, body: ${JSON.stringify(ANY_APP_UPDATE_SAMPLE, null, 2).replace(/\n/g, '\n  ')} } }];
`;

const read = (name: string, resource: string, position: [number, number], params: Record<string, unknown>): N8nNode => ({
	...errorOutput(ghl(name, position, resource, 'getAll', params)),
	// One empty item when nothing matches, so the next step still runs.
	alwaysOutputData: true,
});

export const anyAppRoundTrip: TemplateSpec = {
	id: ID,
	file: 'any-app-record-updated-round-trip',
	partnerPrivilege: PARTNER_PRIVILEGE.anyAppRoundTrip,
	name: 'Any app record updated → full HighLevel contact, notes and tasks into the app, tags back to HighLevel',
	description:
		'When the app says one of its records changed (a webhook with {"event": "record.updated", "record": {...}}), the GHL contact is found (by the record\'s ghlContactId, else its email) and read in full with its tasks and notes. The app\'s record gets the contact\'s fields, each GHL note and task is written as a note or task of the record under its GHL id (a keyed PUT, so a replay writes nothing twice), and the app\'s tags GHL lacks are added to the contact (never replaced). The app\'s update events caused by these writes are recognised (the record is exactly what the app held after this workflow\'s writes) and start nothing. Failed reads and writes end in "Failed items"; the next update of the record retries them.',
	nodes: [
		anyAppWebhook('Record updated in the app', [0, 0], 'any-app/record-updated'),
		manualTrigger('Try it with a sample update', [0, 220]),
		code('Sample update (demo data)', [220, 220], DEMO),
		config('Config', [440, 0], [
			{ name: 'anyAppUrl', value: `${PARTNERS}/anyapp/api` },
			{ name: 'echoIgnoresFields', value: 'updatedAt' },
		], ID),
		code(PLAN, [660, 0], PLAN_CODE),
		ifTrue('Valid?', [880, 0], '$json.valid', ID),
		read(FIND, 'contact', [1100, -100], { returnAll: true, filtersJson: '={{ $json.filtersJson }}' }),
		code(FOUND, [1320, -100], FOUND_CODE),
		ifTrue('Contact found?', [1540, -100], '$json.found', ID),
		code(KEYED, [1760, -200], KEYED_CODE),
		errorOutput(ghl(GET, [1980, -200], 'contact', 'get', { contactId: contactById('$json.contactId') })),
		code('Each record again', [2200, -200], AGAIN),
		read(TASKS, 'task', [2420, -200], { contactId: contactById('$json.contactId'), returnAll: true }),
		code('Each record once more', [2640, -200], AGAIN),
		read(NOTES, 'note', [2860, -200], { contactId: contactById('$json.contactId'), returnAll: true }),
		code(WRITES, [3080, -200], WRITES_CODE),
		ifTrue('Write to the app?', [3300, -200], "$json.kind === 'app'", ID),
		errorOutput(
			http(APP_WRITE, [3520, -300], {
				method: 'PUT',
				url: "={{ $('Config').first().json.anyAppUrl }}/records/{{ $json.path }}",
				credential: 'anyAppApi',
				jsonBody: 'JSON.stringify($json.body)',
				batchIntervalMs: 100,
			}),
		),
		errorOutput(ghl(ADD_TAGS, [3520, -100], 'tag', 'add', { contactId: contactById('$json.contactId'), tags: '={{ $json.tags }}' })),
		recordDone('Record as synced', [3740, -200], WRITES),
		failedItems([3740, 200], PLAN, [WRITES, KEYED, FOUND]),
	],
	editorSample: [webhookSample(ANY_APP_UPDATE_SAMPLE)],
	links: [
		['Record updated in the app', 'Config'],
		['Try it with a sample update', 'Sample update (demo data)'],
		['Sample update (demo data)', 'Config'],
		['Config', PLAN],
		[PLAN, 'Valid?'],
		['Valid?', FIND, 0],
		['Valid?', FAILED_ITEMS, 1],
		[FIND, FOUND, 0],
		[FIND, FAILED_ITEMS, 1],
		[FOUND, 'Contact found?'],
		['Contact found?', KEYED, 0],
		['Contact found?', FAILED_ITEMS, 1],
		[KEYED, GET],
		[GET, 'Each record again', 0],
		[GET, FAILED_ITEMS, 1],
		['Each record again', TASKS],
		[TASKS, 'Each record once more', 0],
		[TASKS, FAILED_ITEMS, 1],
		['Each record once more', NOTES],
		[NOTES, WRITES, 0],
		[NOTES, FAILED_ITEMS, 1],
		[WRITES, 'Write to the app?'],
		['Write to the app?', APP_WRITE, 0],
		['Write to the app?', ADD_TAGS, 1],
		[APP_WRITE, 'Record as synced', 0],
		[APP_WRITE, FAILED_ITEMS, 1],
		[ADD_TAGS, 'Record as synced', 0],
		[ADD_TAGS, FAILED_ITEMS, 1],
	],
	stickies: [failedItemsSticky([4020, 200])],
};
