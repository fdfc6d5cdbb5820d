import { code, config, contactById, fromJson, ghl, ifTrue, PARTNERS, upsertContact, type TemplateSpec } from './lib';
import { lsqTaskReads, TASK_READ_HELPERS, TASK_SAMPLE, TASKS_READ } from './lsqTaskReads';
import { webhookSample } from './samples';
import { ISO_FROM_UTC, PHONE_E164 } from './snippets';
import { errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, LEDGER, recordDone } from './sync';

const ID = 'lsqTaskToGhl0001';
const PLAN = 'Plan: map, validate, skip synced';
const WANTED = 'GHL task wanted';
const EXISTING = 'GHL tasks of the contact';
const MATCH = 'Match the GHL task';

const PLAN_CODE = `${TASK_READ_HELPERS}${PHONE_E164}${ISO_FROM_UTC}${LEDGER}
// One GHL task per LeadSquared to-do (meetings are the appointment template's), completed when
// the LeadSquared task is. The GHL task is the one named in the LeadSquared description's marker
// [sync:ghl-task:<id>] (it came from HighLevel), else the one whose body holds
// [sync:lsq-task:<UserTaskId>]. Cancelled to-dos are not copied.
const config = $('Config').first().json;
const meetingTypes = String(config.meetingTypes || '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
const out = [];
for (const [index, item] of $input.all().entries()) {
  const lead = leadOf(index);
  const value = (key) => (lead[key] === null || lead[key] === undefined ? '' : String(lead[key]).trim());
  for (const task of tasksOf(item)) {
    const type = String((task.TaskType && task.TaskType.Name) || task.TaskType || '').trim();
    if (task.Category === 'Appointment' || meetingTypes.includes(type.toLowerCase())) continue;
    const status = Number(task.StatusCode);
    if (status === 2) continue;
    const taskId = taskIdOf(task);
    const description = String(task.Description || '');
    const linked = /\\[sync:ghl-task:([^\\]\\s]+)\\]/.exec(description);
    const tags = String(config.tags || '').split(',').map((t) => t.trim()).filter(Boolean);
    if (value('ProspectID')) tags.push('lsq:' + value('ProspectID').toLowerCase());
    const contact = {
      email: value('EmailAddress').toLowerCase(),
      phone: phoneE164(value('Phone') || value('Mobile'), config.defaultCountryCode),
      firstName: value('FirstName'),
      lastName: value('LastName'),
      tags: tags.join(', '),
    };
    const marker = '[sync:lsq-task:' + taskId + ']';
    const wanted = {
      title: String(task.Name || 'LeadSquared task'),
      dueDate: isoFromUtc(task.DueDate),
      completed: status === 1,
      body: [description.replace(/\\[sync:[^\\]]*\\]/g, '').trim(), type ? 'LeadSquared ' + type + (task.OwnerEmailAddress ? ', owner ' + task.OwnerEmailAddress : '') : '', marker].filter(Boolean).join('\\n'),
    };
    const syncKey = 'lsq-task:' + taskId;
    const hash = syncHash(Object.assign({}, contact, wanted));
    if (taskId && alreadySynced(syncKey, hash)) continue;
    let invalidReason = '';
    if (!taskId) invalidReason = 'the task has no UserTaskId';
    else if (!contact.email && !contact.phone) invalidReason = 'the lead has no email or phone to match on';
    else if (contact.email && !/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(contact.email)) invalidReason = 'invalid email ' + contact.email.slice(0, 80);
    else if (!wanted.dueDate) invalidReason = 'no valid DueDate';
    out.push({
      json: Object.assign({ syncKey, syncHash: hash, valid: !invalidReason, invalidReason, marker, ghlTaskId: linked ? linked[1] : '' }, contact, { task: wanted }),
      pairedItem: { item: index },
    });
  }
}
return out;
`;

const WANTED_CODE = `
// The plan of each written contact, with the contact it went to.
return $input.all().map((item, index) => ({
  json: Object.assign({}, $('${PLAN}').itemMatching(index).json, { contactId: item.json.contact.id }),
  pairedItem: { item: index },
}));
`;

const MATCH_CODE = `
// The contact's tasks (one output item per task, paired with its wanted item; an empty item when
// the contact has none): the linked task, or the one carrying the marker. Items whose lookup failed
// are on the lookup's error output (Failed items).
const wanted = $('${WANTED}').all();
let failed = [];
try { failed = $('${EXISTING}').all(1); } catch (error) { failed = []; }
const failedIndexes = new Set(failed.map((item) => item.pairedItem && item.pairedItem.item));
const records = $input.all();
const out = [];
wanted.forEach((entry, index) => {
  if (failedIndexes.has(index)) return;
  const own = records.map((item, at) => ({ item, at })).filter(({ item }) => [].concat(item.pairedItem || []).some((p) => p && p.item === index));
  const tasks = own.map(({ item }) => item.json).filter((task) => task && task.id);
  const plan = entry.json;
  const found = tasks.find((task) => plan.ghlTaskId && task.id === plan.ghlTaskId)
    || tasks.find((task) => String(task.body || '').includes(plan.marker));
  out.push({
    json: Object.assign({}, plan, {
      ghlTaskId: found ? found.id : '',
      missing: !found,
      // Only the status is kept in step once the task exists: the rep may retitle it in GHL.
      statusDiffers: !!found && (found.completed === true) !== plan.task.completed,
    }),
    pairedItem: { item: own.length ? own[0].at : 0 },
  });
});
return out;
`;

const cfg = config('Config', [440, 100], [
	{ name: 'lsqHost', value: `${PARTNERS}/leadsquared` },
	{ name: 'meetingTypes', value: 'Meeting' },
	{ name: 'assignTaskTo', value: '' },
	{ name: 'tags', value: 'leadsquared' },
	{ name: 'ghlSource', value: 'LeadSquared' },
	{ name: 'defaultCountryCode', value: '91' },
	{ name: 'catchUpHours', value: 24 },
], ID);

const reads = lsqTaskReads({ templateId: ID, webhookPath: 'leadsquared/task', config: cfg, demoLabel: 'task event' });
const [x, y] = reads.readsEndAt;

const upsert = errorOutput(upsertContact('Create or update GHL contact', [x + 440, y], { ...fromJson('firstName', 'lastName', 'tags') }));
upsert.parameters.simplify = false;

export const lsqTaskToGhl: TemplateSpec = {
	id: ID,
	file: 'leadsquared-task-to-ghl-task',
	name: 'LeadSquared task → HighLevel task, status kept in step',
	description:
		'LeadSquared posts a webhook when a task is created, updated or completed; the template reads the lead and its tasks (RetrieveTaskByLeadId), finds or creates the HighLevel contact by email or phone (tagged lsq:<ProspectID>; source set only on new contacts) and gives each LeadSquared to-do one HighLevel task, completed when the LeadSquared task is, and reopened when it is reopened. Tasks that came from HighLevel are matched by their id, so nothing is created twice and a completion does not bounce back. Meetings are left to the LeadSquared meeting template. A catch-up re-reads the leads of the last day, so a failed write is retried. Failures end in "Failed items". Click "Execute workflow" to run it on a sample task event.',
	nodes: [
		...reads.nodes,
		code(PLAN, [x, y], PLAN_CODE),
		ifTrue('Valid?', [x + 220, y], '$json.valid', ID),
		upsert,
		ifTrue('New contact?', [x + 660, y - 200], '$json.new === true', ID),
		errorOutput(
			ghl('Set source on the new contact', [x + 880, y - 200], 'contact', 'update', {
				contactId: contactById('$json.contact.id'),
				updateFields: { source: "={{ $('Config').first().json.ghlSource }}" },
			}),
		),
		code(WANTED, [x + 660, y], WANTED_CODE),
		{
			...errorOutput(ghl(EXISTING, [x + 880, y], 'task', 'getAll', { contactId: contactById('$json.contactId'), returnAll: true })),
			// One empty item when the contact has no task yet, so the match still runs.
			alwaysOutputData: true,
		},
		code(MATCH, [x + 1100, y], MATCH_CODE),
		ifTrue('GHL task missing?', [x + 1320, y], '$json.missing', ID),
		errorOutput(
			ghl('Create GHL task', [x + 1540, y - 120], 'task', 'create', {
				contactId: contactById('$json.contactId'),
				title: '={{ $json.task.title }}',
				dueDate: '={{ $json.task.dueDate }}',
				completed: '={{ $json.task.completed }}',
				additionalFields: { body: '={{ $json.task.body }}', assignedTo: "={{ $('Config').first().json.assignTaskTo }}" },
			}),
		),
		ifTrue('Status differs?', [x + 1540, y + 80], '$json.statusDiffers', ID),
		errorOutput(
			ghl('Set the GHL task status', [x + 1760, y + 40], 'task', 'setCompleted', {
				contactId: contactById('$json.contactId'),
				taskId: '={{ $json.ghlTaskId }}',
				completed: '={{ $json.task.completed }}',
			}),
		),
		recordDone('Record as synced', [x + 1980, y], MATCH),
		failedItems([x + 1980, y + 300], PLAN, [MATCH, WANTED, 'Leads to read']),
	],
	editorSample: [webhookSample(TASK_SAMPLE)],
	links: [
		...reads.links,
		[TASKS_READ, PLAN, 0],
		[PLAN, 'Valid?'],
		['Valid?', 'Create or update GHL contact', 0],
		['Valid?', FAILED_ITEMS, 1],
		['Create or update GHL contact', 'New contact?', 0],
		['Create or update GHL contact', WANTED, 0],
		['Create or update GHL contact', FAILED_ITEMS, 1],
		['New contact?', 'Set source on the new contact', 0],
		['Set source on the new contact', FAILED_ITEMS, 1],
		[WANTED, EXISTING],
		[EXISTING, MATCH, 0],
		[EXISTING, FAILED_ITEMS, 1],
		[MATCH, 'GHL task missing?'],
		['GHL task missing?', 'Create GHL task', 0],
		['GHL task missing?', 'Status differs?', 1],
		['Create GHL task', 'Record as synced', 0],
		['Create GHL task', FAILED_ITEMS, 1],
		['Status differs?', 'Set the GHL task status', 0],
		['Status differs?', 'Record as synced', 1],
		['Set the GHL task status', 'Record as synced', 0],
		['Set the GHL task status', FAILED_ITEMS, 1],
	],
	stickies: [failedItemsSticky([x + 1980, y + 500])],
};
