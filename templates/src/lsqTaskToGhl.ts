import { config, contactById, ghl, ifTrue, PARTNERS, type TemplateSpec } from './lib';
import { lsqTaskReads, lsqToGhlMatched, TASK_READ_HELPERS, TASK_SAMPLE } from './lsqTaskReads';
import { webhookSample } from './samples';
import { ISO_FROM_UTC, PHONE_E164 } from './snippets';
import { errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, LEDGER, recordDone } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';

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

// The linked task, or the one carrying the marker; only the status is kept in step once the task
// exists (the rep may retitle it in GHL).
const MATCH_EACH = `  const found = existing.find((task) => plan.ghlTaskId && task.id === plan.ghlTaskId)
    || existing.find((task) => String(task.body || '').includes(plan.marker));
  const decided = { ghlTaskId: found ? found.id : '', missing: !found, statusDiffers: !!found && (found.completed === true) !== plan.task.completed };`;

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

const matched = lsqToGhlMatched({
	templateId: ID,
	at: [x, y],
	plan: { name: PLAN, code: PLAN_CODE },
	names: { wanted: WANTED, existing: EXISTING, match: MATCH },
	resource: 'task',
	matchIntro: `
// The contact's tasks (one output item per task, paired with its wanted item; an empty item when
// the contact has none): the linked task, or the one carrying the marker. Items whose lookup failed
// are on the lookup's error output (Failed items).`,
	matchEach: MATCH_EACH,
});

export const lsqTaskToGhl: TemplateSpec = {
	id: ID,
	file: 'leadsquared-task-to-ghl-task',
	partnerPrivilege: PARTNER_PRIVILEGE.leadSquared,
	name: 'LeadSquared task → HighLevel task, status kept in step',
	description:
		'LeadSquared posts a webhook when a task is created, updated or completed; the template reads the lead and its tasks (RetrieveTaskByLeadId), finds or creates the HighLevel contact by email or phone (tagged lsq:<ProspectID>; source set only on new contacts) and gives each LeadSquared to-do one HighLevel task, completed when the LeadSquared task is, and reopened when it is reopened. Tasks that came from HighLevel are matched by their id, so nothing is created twice and a completion does not bounce back. Meetings are left to the LeadSquared meeting template. A catch-up re-reads the leads of the last day, so a failed write is retried. Failures end in "Failed items". Click "Execute workflow" to run it on a sample task event.',
	nodes: [
		...reads.nodes,
		...matched.nodes,
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
		...matched.links,
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
