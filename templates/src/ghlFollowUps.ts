import { code, config, contactById, ghl, ifTrue, manualTrigger, noOp, scheduleTrigger, type N8nNode, type TemplateSpec } from './lib';
import { errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, recordDone } from './sync';

const ID = 'ghlFollowUps0001';
const PLAN = 'Follow-ups that match';
const CONTACTS = 'Get the contacts';
const TASKS = 'Tasks of each contact';
const KEYED = 'Contacts with a record key';

const FILTER = `
// Whose follow-ups: the contacts with Config's tag (e.g. those the leadPops template created) and
// text query; all contacts when both are empty.
const config = $('Config').first().json;
const tag = String(config.contactTag || '').trim();
return [{ json: { filtersJson: tag ? JSON.stringify([{ field: 'tags', operator: 'eq', value: tag }]) : '', query: String(config.query || '').trim() } }];
`;

const KEYED_CODE = `
// Each contact with its record key, so a contact whose task list cannot be read is named on Failed items.
return $input.all().filter((item) => item.json.id).map((item, index) => ({ json: Object.assign({}, item.json, { syncKey: 'ghl-contact:' + item.json.id }), pairedItem: { item: index } }));
`;

const PLAN_CODE = `
// One item per open task that matches Config (title text, overdue only, due within N days), with
// its contact. Tasks of contacts whose task list could not be read are on Failed items instead.
const config = $('Config').first().json;
const listed = $('${KEYED}').all();
const contacts = new Map(listed.filter((item) => item.json.id).map((item) => [item.json.id, item.json]));
const titleContains = String(config.titleContains || '').trim().toLowerCase();
const withinDays = Number(config.dueWithinDays) || 0;
const now = Date.now();
const out = [];
for (const item of $input.all()) {
  // The task's contact: its contactId, else the contact whose list it came from.
  const from = item.pairedItem && listed[item.pairedItem.item];
  const task = Object.assign({ contactId: from ? from.json.id : '' }, item.json || {});
  if (!task.id || !task.contactId || task.completed === true) continue;
  const due = Date.parse(task.dueDate);
  const overdue = !Number.isNaN(due) && due < now;
  if (titleContains && !String(task.title || '').toLowerCase().includes(titleContains)) continue;
  if (config.onlyOverdue === true && !overdue) continue;
  if (withinDays > 0 && (Number.isNaN(due) || due > now + withinDays * 86400000)) continue;
  const contact = contacts.get(task.contactId) || {};
  out.push({
    json: {
      syncKey: 'ghl-task-completed:' + task.id,
      syncHash: 'completed',
      taskId: task.id,
      contactId: task.contactId,
      contactName: [contact.firstName, contact.lastName].filter(Boolean).join(' '),
      email: contact.email || '',
      phone: contact.phone || '',
      title: task.title || '',
      dueDate: task.dueDate || '',
      overdue,
      complete: config.completeMatching === true,
    },
  });
}
out.sort((a, b) => String(a.json.dueDate).localeCompare(String(b.json.dueDate)));
return out;
`;

const contacts: N8nNode = {
	...errorOutput(ghl(CONTACTS, [880, 0], 'contact', 'getAll', { returnAll: true, query: '={{ $json.query }}', filtersJson: '={{ $json.filtersJson }}' })),
	alwaysOutputData: true,
};
const tasks: N8nNode = {
	...errorOutput(ghl(TASKS, [1320, 0], 'task', 'getAll', { contactId: contactById('$json.id'), returnAll: true })),
	// One empty item when nobody has tasks, so the list still ends the run.
	alwaysOutputData: true,
};

export const ghlFollowUps: TemplateSpec = {
	id: ID,
	file: 'ghl-follow-ups-list-complete',
	optionalNodes: { 'Mark the task completed': 'completeMatching' },
	name: 'HighLevel follow-ups: list, filter, complete (read-only by default)',
	description:
		'Every morning, the open tasks of the contacts with Config\'s tag (contactTag: "leadpops", the contacts the leadPops template creates), filtered by title text, overdue only or due within N days, end in "Follow-up list" (wire it to Slack or email), soonest first. With completeMatching off (the default) the template only reads: it runs on a token with nothing but contacts.readonly. Turn completeMatching on (needs contacts.write) to mark the listed tasks completed; a completed task no longer matches, so nothing is completed twice. Failures end in "Failed items".',
	nodes: [
		scheduleTrigger('Every morning', [0, 0], { field: 'hours', every: 24 }),
		manualTrigger('List them now', [0, 200]),
		config('Config', [220, 0], [
			{ name: 'contactTag', value: 'leadpops' },
			{ name: 'query', value: '' },
			{ name: 'titleContains', value: '' },
			{ name: 'onlyOverdue', value: false },
			{ name: 'dueWithinDays', value: 0 },
			{ name: 'completeMatching', value: false },
		], ID),
		code('Filter for this run', [440, 0], FILTER),
		contacts,
		code(KEYED, [1100, 0], KEYED_CODE),
		tasks,
		code(PLAN, [1540, 0], PLAN_CODE),
		ifTrue('Complete them?', [1760, 0], '$json.complete === true', ID),
		{ ...noOp('Follow-up list', [1980, 200]), notes: 'Wire this to Slack, email or a sheet: one item per matching open task.', notesInFlow: true },
		errorOutput(ghl('Mark the task completed', [1980, -100], 'task', 'setCompleted', { contactId: contactById('$json.contactId'), taskId: '={{ $json.taskId }}', completed: true })),
		recordDone('Record as synced', [2200, -100], PLAN),
		failedItems([2200, 300], PLAN, [KEYED]),
	],
	links: [
		['Every morning', 'Config'],
		['List them now', 'Config'],
		['Config', 'Filter for this run'],
		['Filter for this run', CONTACTS],
		[CONTACTS, KEYED, 0],
		[KEYED, TASKS],
		[CONTACTS, FAILED_ITEMS, 1],
		[TASKS, PLAN, 0],
		[TASKS, FAILED_ITEMS, 1],
		[PLAN, 'Complete them?'],
		['Complete them?', 'Mark the task completed', 0],
		['Complete them?', 'Follow-up list', 1],
		['Mark the task completed', 'Record as synced', 0],
		['Mark the task completed', FAILED_ITEMS, 1],
	],
	stickies: [failedItemsSticky([2480, 300])],
};
