import { anyAppWebhook, code, config, extractCsv, fromJson, manualTrigger, type TemplateSpec } from './lib';
import { webhookSample } from './samples';
import { PAYLOADS_OF, PHONE_E164 } from './snippets';
import { contactSync, errorOutput, FAILED_ITEMS, failedItemsSticky, LEDGER } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'anyAppToGhl00001';
const CSV_EXTRACT = 'Read the CSV rows';
const CSV_RECORDS = 'CSV rows as records';
const PLAN = 'Plan: map, validate, skip synced';

/** What the app posts: one record, a JSON array, or `{records: [...]}` (also what the demo sends). */
export const ANY_APP_SAMPLE = {
	records: [
		{
			id: 'app-1001',
			email: 'noor.haddad@example.org',
			phone: '+1 (512) 555-0199',
			firstName: 'Noor',
			lastName: 'Haddad',
			companyName: 'Haddad Analytics',
			tags: ['trial', 'newsletter'],
			task: { title: 'Call Noor about the trial', dueDate: '2030-01-15T15:00:00Z', body: 'Asked for a demo of the reporting module.' },
			note: 'Signed up for the 14-day trial from the pricing page.',
		},
	],
};

const PLAN_CODE = `${PAYLOADS_OF}${PHONE_E164}${LEDGER}
// One GHL contact per app record (upserted by email, then phone: GHL's own dedupe), with one task
// and one note per record, found again by their markers. The same record twice in a batch counts
// once (the last one wins); a record this workflow already wrote unchanged is skipped.
const config = $('Config').first().json;
// A CSV row has its line number (row) and may go without an id: its email (else phone) names it.
const latest = new Map();
for (const [index, item] of $input.all().entries()) {
  for (const payload of payloadsOf(item.json)) {
    const records = Array.isArray(payload.records) ? payload.records : [payload];
    for (const record of records) {
      if (!record || typeof record !== 'object') continue;
      const fromFile = record.row !== undefined;
      const id = String(record.id || record.externalId || (fromFile ? String(record.email || '').toLowerCase() || record.phone : '') || '').trim();
      const key = id || (fromFile ? '#row ' + record.row : '');
      latest.delete(key);
      latest.set(key, { id, record, index });
    }
  }
}
const out = [];
for (const { id, record, index } of latest.values()) {
  const value = (key) => (record[key] === null || record[key] === undefined ? '' : String(record[key]).trim());
  const tags = String(config.tags || '').split(',').concat(Array.isArray(record.tags) ? record.tags : String(record.tags || '').split(','))
    .map((tag) => String(tag).trim()).filter(Boolean);
  const contact = {
    email: value('email').toLowerCase(),
    phone: phoneE164(value('phone'), config.defaultCountryCode),
    firstName: value('firstName'),
    lastName: value('lastName'),
    companyName: value('companyName'),
    tags: [...new Set(tags)].join(', '),
  };
  const task = record.task && typeof record.task === 'object' ? record.task : {};
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || contact.phone;
  const due = task.dueDate ? new Date(task.dueDate) : new Date(Date.now() + (Number(config.taskDueInHours) || 24) * 3600000);
  const taskMarker = '[sync:any-app-task:' + id + ']';
  const noteMarker = '[sync:any-app-note:' + id + ']';
  const side = {
    taskTitle: String(task.title || 'Follow up with ' + name).slice(0, 200),
    taskDueDate: Number.isNaN(due.getTime()) ? '' : due.toISOString(),
    taskBody: [task.body ? String(task.body) : 'New record ' + id + ' from ' + config.appName + '.', taskMarker].join('\\n'),
    noteBody: [value('note') || 'Record ' + id + ' from ' + config.appName + '.', noteMarker].join('\\n'),
  };
  const syncKey = 'any-app-record:' + id;
  // The record as sent (a default due date moves with the clock, so it is not part of the hash).
  const hash = syncHash(Object.assign({}, contact, { task, note: value('note') }));
  if (id && alreadySynced(syncKey, hash)) continue;
  let invalidReason = '';
  if (!id) invalidReason = 'no record id';
  else if (!contact.email && !contact.phone) invalidReason = 'no email or phone to match on';
  else if (contact.email && !/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(contact.email)) invalidReason = 'invalid email ' + contact.email.slice(0, 80);
  else if (!side.taskDueDate) invalidReason = 'invalid task dueDate ' + String(task.dueDate).slice(0, 40);
  if (invalidReason && record.row !== undefined) invalidReason = 'row ' + record.row + ': ' + invalidReason;
  out.push({
    json: Object.assign({ syncKey, syncHash: hash, valid: !invalidReason, invalidReason, recordId: id, taskMarker, noteMarker }, contact, side),
    pairedItem: { item: index },
  });
}
return out;
`;

/** A few rows as a spreadsheet export gives them (quoted commas, an empty phone, one bad row), in the columns the CSV path reads. */
export const ANY_APP_CSV_SAMPLE = [
	'id,email,phone,firstName,lastName,companyName,tags,taskTitle,taskDueDate,taskBody,note',
	'app-5001,lena.berg@example.org,+46 70 123 45 67,Lena,Berg,Berg Design,trial; webinar,Call Lena about the webinar,2030-02-01T09:00:00Z,She asked for the recording.,Imported from the webinar sign-up sheet.',
	'app-5002,omar.farouk@example.org,,Omar,Farouk,"Farouk & Sons, Ltd",newsletter,,,,',
	'app-5003,not-an-email,,Broken,Row,,,,,,',
].join('\n');

const CSV_ROWS = `
// Extract From File gives one item per CSV row (columns by the header line). They go on as one
// batch of records; each keeps its line number for Failed items' reason. Columns: id, email, phone,
// firstName, lastName, companyName, tags (separated by , ; or |), taskTitle, taskDueDate, taskBody, note.
const text = (value) => (value === null || value === undefined ? '' : String(value).trim());
const records = $input.all().map((item, index) => {
  const row = item.json;
  const record = {
    row: index + 2,
    id: text(row.id || row.externalId),
    email: text(row.email),
    phone: text(row.phone),
    firstName: text(row.firstName),
    lastName: text(row.lastName),
    companyName: text(row.companyName),
    tags: text(row.tags).split(/[,;|]/).map((tag) => tag.trim()).filter(Boolean),
    note: text(row.note),
  };
  if (text(row.taskTitle) || text(row.taskDueDate) || text(row.taskBody)) {
    record.task = { title: text(row.taskTitle), dueDate: text(row.taskDueDate), body: text(row.taskBody) };
  }
  return record;
});
return [{ json: { records, source: 'csv' }, pairedItem: { item: 0 } }];
`;

const DEMO = `
// A batch as the app would post it, shaped like the Webhook node's output.
return [{ json: { headers: {}, query: {}, body: ${JSON.stringify(ANY_APP_SAMPLE, null, 2).replace(/\n/g, '\n  ')} } }];
`;

const tail = contactSync({
	templateId: ID,
	planNode: PLAN,
	at: [880, 0],
	contactFields: { ...fromJson('firstName', 'lastName', 'companyName', 'tags') },
	sourceExpression: "$('Config').first().json.appName",
	sides: [
		{
			kind: 'task',
			label: 'Task',
			markerKey: 'taskMarker',
			params: { title: '={{ $json.taskTitle }}', dueDate: '={{ $json.taskDueDate }}', completed: false, additionalFields: { body: '={{ $json.taskBody }}' } },
		},
		{ kind: 'note', label: 'Note', markerKey: 'noteMarker', params: { body: '={{ $json.noteBody }}', additionalFields: {} } },
	],
});

export const anyAppToGhl: TemplateSpec = {
	id: ID,
	file: 'any-app-to-ghl',
	partnerPrivilege: PARTNER_PRIVILEGE.anyAppIn,
	name: 'Any app → HighLevel contacts + task + note (webhook, JSON batch or CSV file)',
	description:
		'Any system that can POST JSON (one record, an array, or {"records": [...]}, each with an id and an email or phone) creates or updates HighLevel contacts: upserted by email, then phone, so the same person is one contact; tags added, source set on new contacts only. Each record gets one task (its own, or a follow-up) and one note, found again by their [sync:any-app-…:<id>] markers, so a re-sent batch writes nothing twice. A CSV file (posted to the second webhook, read by n8n\'s Extract From File: one record per row, columns as the README lists) takes the same path; a bad row ends in "Failed items" with its line and reason. Bad records and failed writes end in "Failed items"; send the batch again to retry them.',
	nodes: [
		anyAppWebhook('Records from the app', [0, 0], 'any-app/records'),
		manualTrigger('Try it with a sample batch', [0, 220]),
		code('Sample batch (demo data)', [220, 220], DEMO),
		anyAppWebhook('CSV file from the app', [0, -440], 'any-app/records-csv'),
		errorOutput(extractCsv(CSV_EXTRACT, [220, -440])),
		code(CSV_RECORDS, [440, -330], CSV_ROWS),
		config('Config', [440, 0], [
			{ name: 'appName', value: 'Any app' },
			{ name: 'tags', value: 'any-app' },
			{ name: 'defaultCountryCode', value: '1' },
			{ name: 'taskDueInHours', value: 24 },
		], ID),
		code(PLAN, [660, 0], PLAN_CODE),
		...tail.nodes,
	],
	editorSample: [webhookSample(ANY_APP_SAMPLE)],
	links: [
		['Records from the app', 'Config'],
		['Try it with a sample batch', 'Sample batch (demo data)'],
		['Sample batch (demo data)', 'Config'],
		['CSV file from the app', CSV_EXTRACT],
		[CSV_EXTRACT, CSV_RECORDS, 0],
		[CSV_EXTRACT, FAILED_ITEMS, 1],
		[CSV_RECORDS, 'Config'],
		['Config', PLAN],
		[PLAN, 'Valid?'],
		...tail.links,
	],
	stickies: [failedItemsSticky([3900, 300])],
};
