import { code, config, contactByEmail, ghl, ghlPollingTrigger, ghlTrigger, http, ifTrue, manualTrigger, PARTNERS, type TemplateSpec } from './lib';
import { ghlTaskEventSample } from './samples';
import { LSQ_LEAD_OF, lsqLeadAndTasks, LSQ_URL } from './lsqLeadWrites';
import { UTC_SQL } from './snippets';
import { errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, LEDGER, recordDone } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'ghlTaskDoneToLsq';
const PLAN = 'Plan: map, validate, skip synced';
const MATCH = 'Match the LeadSquared task';

const COMPLETED_TASK = `
// HighLevel Trigger items carry the task in payload (+ fullRecord, the task as GHL has it now);
// the polling trigger's and Task → Get Many's items are the tasks themselves. Only completed tasks
// go on: a TaskComplete whose task was reopened since is left alone.
const out = [];
for (const [index, item] of $input.all().entries()) {
  const json = item.json;
  const fromTrigger = json.event !== undefined && json.payload !== undefined;
  const task = fromTrigger ? Object.assign({}, json.payload, json.fullRecord || {}) : json;
  const completed = fromTrigger && !json.fullRecord ? json.event === 'TaskComplete' : task.completed === true;
  if (!completed) continue;
  out.push({
    json: {
      syncKey: 'ghl-task:' + task.id,
      taskId: task.id || '',
      contactId: task.contactId || '',
      title: task.title || 'Task',
      body: task.body || '',
      dueDate: task.dueDate || '',
    },
    pairedItem: { item: index },
  });
}
return out;
`;

const PLAN_CODE = `${UTC_SQL}${LSQ_LEAD_OF}${LEDGER}
// Completed GHL task → its LeadSquared task marked completed (Task.svc/Update, StatusCode 1).
// The LeadSquared task is the one named in the GHL task's marker [sync:lsq-task:<id>] (the task
// came from LeadSquared), else the one whose description holds [sync:ghl-task:<GHL id>]; when
// there is none, a to-do carrying that marker is created first. The lead is found or created by
// email/phone (Lead.Capture, an existing lead left unchanged).
const config = $('Config').first().json;
const out = [];
for (const [index, item] of $input.all().entries()) {
  const contact = item.json;
  const task = $('Completed task').itemMatching(index).json;
  const text = (key) => contactText(contact, key);
  const lead = lsqLeadOf(contact, config);
  const linked = /\\[sync:lsq-task:([^\\]\\s]+)\\]/.exec(task.body);
  const marker = '[sync:ghl-task:' + task.taskId + ']';
  const todo = {
    Name: task.title,
    Description: [task.body.replace(/\\[sync:[^\\]]*\\]/g, '').trim(), 'Done in HighLevel (task ' + task.taskId + ').', marker].filter(Boolean).join('\\n'),
    RelatedEntity: 1,
    DueDate: utcSql(task.dueDate || new Date()),
    TaskType: { Name: config.taskType },
  };
  if (config.ownerEmail) todo.OwnerEmailAddress = config.ownerEmail;
  const syncKey = 'ghl-task:' + task.taskId;
  const hash = syncHash({ completed: true, lsqTaskId: linked ? linked[1] : '' });
  if (task.taskId && alreadySynced(syncKey, hash)) continue;
  let invalidReason = '';
  if (!task.taskId) invalidReason = 'no task id';
  else if (!text('email') && !text('phone')) invalidReason = 'the contact has no email or phone';
  out.push({
    json: { syncKey, syncHash: hash, valid: !invalidReason, invalidReason, marker, lsqTaskId: linked ? linked[1] : '', lead, todo },
    pairedItem: { item: index },
  });
}
return out;
`;

const MATCH_CODE = `
// The lead's tasks (one lookup answer per item): the linked one, or the one carrying the marker.
return $input.all().map((item, index) => {
  const plan = $('${PLAN}').itemMatching(index).json;
  const leadId = $('LeadSquared: find or create lead').itemMatching(index).json.Message.Id;
  const tasks = Array.isArray(item.json.body) ? item.json.body : [];
  const idOf = (task) => String(task.UserTaskId || task.Id || '');
  const found = tasks.find((task) => plan.lsqTaskId && idOf(task) === plan.lsqTaskId)
    || tasks.find((task) => String(task.Description || '').includes(plan.marker));
  return {
    json: Object.assign({}, plan, {
      leadId,
      lsqTaskId: found ? idOf(found) : '',
      missing: !found,
      // Completed there already (e.g. the echo of a completion made in LeadSquared): nothing to write.
      open: !found || Number(found.StatusCode) !== 1,
    }),
    pairedItem: { item: index },
  };
});
`;


const leadAndTasks = lsqLeadAndTasks({ templateId: ID, plan: { name: PLAN, code: PLAN_CODE }, then: MATCH });

export const ghlTaskCompleteToLsq: TemplateSpec = {
	id: ID,
	file: 'ghl-task-complete-to-leadsquared',
	partnerPrivilege: PARTNER_PRIVILEGE.leadSquaredApi,
	name: 'HighLevel task completed → LeadSquared task completed',
	description:
		'When a task is completed in HighLevel (signed TaskComplete webhook; a polling trigger catches up with tasks completed while n8n was down), the matching LeadSquared task is marked completed (Task.svc/Update): the task the LeadSquared → HighLevel task template created it from, or a to-do this template created earlier for it; a HighLevel-only task gets a LeadSquared to-do, created and completed. A LeadSquared task that is completed already is left alone, so a completion made in LeadSquared does not come back. Failures end in "Failed items" and are written by a later run. "Execute workflow" sends a sample TaskComplete; "Run it now" marks the completed tasks of the demo contact.',
	nodes: [
		ghlTrigger('GHL task completed', [0, 0], {
			events: ['TaskComplete'],
			verification: 'ghlSignature',
			locationIds: '',
			fetchFullRecord: true,
			options: {},
		}),
		manualTrigger('Run it now', [0, 220]),
		ghlPollingTrigger('Catch-up: tasks changed in GHL', [0, -200], 'taskChanged', 15),
		ghl('Tasks of a demo contact', [220, 220], 'task', 'getAll', {
			contactId: contactByEmail('ada.lovelace@example.com'),
			returnAll: true,
		}),
		code('Completed task', [440, 100], COMPLETED_TASK),
		config('Config', [660, 100], [
			{ name: 'lsqHost', value: `${PARTNERS}/leadsquared` },
			{ name: 'taskType', value: 'To-Do' },
			{ name: 'ownerEmail', value: '' },
			{ name: 'ghlIdField', value: 'mx_GHL_Contact_Id' },
		], ID),
		...leadAndTasks.nodes,
		code(MATCH, [1980, 40], MATCH_CODE),
		ifTrue('Open in LeadSquared?', [2200, 40], '$json.open', ID),
		ifTrue('LeadSquared task missing?', [2420, -60], '$json.missing', ID),
		errorOutput(
			http('LeadSquared: create to-do', [2640, -160], {
				method: 'POST',
				url: LSQ_URL('Task.svc/Create'),
				credential: 'lsqApi',
				jsonBody: 'JSON.stringify(Object.assign({}, $json.todo, { RelatedEntityId: $json.leadId }))',
				batchIntervalMs: 500,
			}),
		),
		errorOutput(
			http('LeadSquared: mark task completed', [2860, -60], {
				method: 'POST',
				url: LSQ_URL('Task.svc/Update'),
				credential: 'lsqApi',
				jsonBody: `JSON.stringify({ UserTaskId: ($json.Message && $json.Message.Id) || $('${MATCH}').item.json.lsqTaskId, StatusCode: 1 })`,
				batchIntervalMs: 500,
			}),
		),
		recordDone('Record as synced', [3080, 40], PLAN),
		failedItems([3080, 400], PLAN, [MATCH, 'Completed task']),
	],
	editorSample: [ghlTaskEventSample('TaskComplete', { webhookId: 'c2d5b4f1-6e70-4b82-8d3f-1a6f8b2e3d04' })],
	links: [
		['GHL task completed', 'Completed task'],
		['Catch-up: tasks changed in GHL', 'Completed task'],
		['Run it now', 'Tasks of a demo contact'],
		['Tasks of a demo contact', 'Completed task'],
		['Completed task', 'Config'],
		...leadAndTasks.links,
		[MATCH, 'Open in LeadSquared?'],
		['Open in LeadSquared?', 'LeadSquared task missing?', 0],
		['Open in LeadSquared?', 'Record as synced', 1],
		['LeadSquared task missing?', 'LeadSquared: create to-do', 0],
		['LeadSquared task missing?', 'LeadSquared: mark task completed', 1],
		['LeadSquared: create to-do', 'LeadSquared: mark task completed', 0],
		['LeadSquared: create to-do', FAILED_ITEMS, 1],
		['LeadSquared: mark task completed', 'Record as synced', 0],
		['LeadSquared: mark task completed', FAILED_ITEMS, 1],
	],
	stickies: [failedItemsSticky([3080, 600])],
};
