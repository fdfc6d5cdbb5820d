import { code, config, fromJson, manualTrigger, webhook, type TemplateSpec } from './lib';
import { webhookSample } from './samples';
import { PAYLOADS_OF, PHONE_E164 } from './snippets';
import { contactSync, failedItemsSticky, LEDGER } from './sync';

const ID = 'anyAppToGhl00001';
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
const latest = new Map();
for (const [index, item] of $input.all().entries()) {
  for (const payload of payloadsOf(item.json)) {
    const records = Array.isArray(payload.records) ? payload.records : [payload];
    for (const record of records) {
      if (!record || typeof record !== 'object') continue;
      const id = String(record.id || record.externalId || '').trim();
      latest.delete(id);
      latest.set(id, { record, index });
    }
  }
}
const out = [];
for (const [id, { record, index }] of latest) {
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
  out.push({
    json: Object.assign({ syncKey, syncHash: hash, valid: !invalidReason, invalidReason, recordId: id, taskMarker, noteMarker }, contact, side),
    pairedItem: { item: index },
  });
}
return out;
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
	name: 'Any app → HighLevel contacts + task + note (webhook or JSON batch)',
	description:
		'Any system that can POST JSON (one record, an array, or {"records": [...]}, each with an id and an email or phone) creates or updates HighLevel contacts: upserted by email, then phone, so the same person is one contact; tags added, source set on new contacts only. Each record gets one task (its own, or a follow-up) and one note, found again by their [sync:any-app-…:<id>] markers, so a re-sent batch writes nothing twice. Bad records and failed writes end in "Failed items"; send the batch again to retry them.',
	nodes: [
		webhook('Records from the app', [0, 0], {
			path: 'any-app/records',
			auth: 'headerAuth',
			credential: 'anyAppWebhook',
			responseBody: '{"received":true}',
			responseContentType: 'application/json',
		}),
		manualTrigger('Try it with a sample batch', [0, 220]),
		code('Sample batch (demo data)', [220, 220], DEMO),
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
		['Config', PLAN],
		[PLAN, 'Valid?'],
		...tail.links,
	],
	stickies: [failedItemsSticky([3900, 300])],
};
