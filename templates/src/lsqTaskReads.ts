/**
 * The read path the LeadSquared task templates share: LeadSquared's task webhooks (task create,
 * update, complete) name a lead; a catch-up re-reads the leads seen lately. Each lead and its tasks
 * are then read from the API (Leads.GetById, RetrieveTaskByLeadId), so the sync works on the
 * task as LeadSquared has it now, whatever the webhook body carried (LeadSquared documents none).
 */
import { code, contactById, fromJson, ghl, http, ifTrue, lsqTriggers, upsertContact, type Link, type N8nNode } from './lib';
import { PAYLOADS_OF } from './snippets';
import { errorOutput, FAILED_ITEMS } from './sync';
import sample from '../../sandbox/partners/payloads/leadsquared-task-event.json';

type Position = [number, number];

export const TASK_SAMPLE = sample;

export const LEADS_TO_READ = 'Leads to read';
export const LEAD_READ = 'LeadSquared: the lead';
export const TASKS_READ = 'LeadSquared: tasks of the lead';

const LEADS_CODE = `${PAYLOADS_OF}
// Webhook: the lead of each task event (once per lead), remembered for the catch-up. Catch-up:
// every lead with a task event in the last catchUpHours, read again (what was synced is skipped
// later), so a write that failed is retried even though LeadSquared does not send the event again.
const config = $('Config').first().json;
const data = $getWorkflowStaticData('global');
if (!data.leadsSeen || typeof data.leadsSeen !== 'object') data.leadsSeen = {};
const now = Date.now();
const keepMs = (Number(config.catchUpHours) || 24) * 3600000;
const out = [];
const seen = new Set();
for (const [index, item] of $input.all().entries()) {
  if (item.json.catchUp === true) {
    for (const [leadId, at] of Object.entries(data.leadsSeen)) {
      if (now - at > keepMs) { delete data.leadsSeen[leadId]; continue; }
      if (!seen.has(leadId)) { seen.add(leadId); out.push({ json: { leadId, syncKey: 'lsq-lead-tasks:' + leadId }, pairedItem: { item: index } }); }
    }
    continue;
  }
  for (const event of payloadsOf(item.json)) {
    const leadId = String(event.RelatedEntityId || event.RelatedProspectId || event.ProspectID || '').trim();
    const taskId = String(event.UserTaskId || event.TaskId || event.Id || '').trim();
    if (!leadId) {
      out.push({ json: { leadId: '', syncKey: 'lsq-task:' + (taskId || '?'), invalidReason: 'the task event names no lead (RelatedEntityId)' }, pairedItem: { item: index } });
      continue;
    }
    data.leadsSeen[leadId] = now;
    if (!seen.has(leadId)) { seen.add(leadId); out.push({ json: { leadId, syncKey: 'lsq-lead-tasks:' + leadId }, pairedItem: { item: index } }); }
  }
}
return out;
`;

const demo = (body: unknown) => `
// The task event assumed for LeadSquared's task webhooks (sandbox/partners/payloads/leadsquared-task-event.json),
// shaped like the Webhook node's output.
return [{ json: { headers: {}, query: {}, body: ${JSON.stringify(body, null, 2).replace(/\n/g, '\n  ')} } }];
`;

const LSQ = (path: string) => `={{ $('Config').first().json.lsqHost }}/v2/${path}`;

/** Triggers (webhook, demo, catch-up) → Config → leads → lead + tasks read; `config` is the template's Config node. */
export function lsqTaskReads(opts: { templateId: string; sample?: Record<string, unknown>; webhookPath: string; config: N8nNode; demoLabel: string; at?: Position }): { nodes: N8nNode[]; links: Link[]; readsEndAt: Position } {
	const [x, y] = opts.at ?? [0, 0];
	const triggers = lsqTriggers({ label: opts.demoLabel, webhookPath: opts.webhookPath, demoCode: demo(opts.sample ?? sample), at: [x, y] });
	const nodes: N8nNode[] = [
		...triggers.nodes,
		{ ...opts.config, position: [x + 440, y] },
		code(LEADS_TO_READ, [x + 660, y], LEADS_CODE),
		ifTrue('Lead named?', [x + 880, y], "$json.leadId !== ''", opts.templateId),
		errorOutput(
			http(LEAD_READ, [x + 1100, y], {
				method: 'GET',
				url: LSQ('LeadManagement.svc/Leads.GetById?id={{ $json.leadId }}'),
				credential: 'lsqApi',
				fullResponse: true,
				batchIntervalMs: 500,
			}),
		),
		errorOutput(
			http(TASKS_READ, [x + 1320, y], {
				method: 'GET',
				url: LSQ(`LeadManagement.svc/RetrieveTaskByLeadId?leadId={{ $('${LEADS_TO_READ}').item.json.leadId }}`),
				credential: 'lsqApi',
				fullResponse: true,
				batchIntervalMs: 500,
			}),
		),
	];
	const links: Link[] = [
		...triggers.links,
		['Config', LEADS_TO_READ],
		[LEADS_TO_READ, 'Lead named?'],
		['Lead named?', LEAD_READ, 0],
		['Lead named?', FAILED_ITEMS, 1],
		[LEAD_READ, TASKS_READ, 0],
		[LEAD_READ, FAILED_ITEMS, 1],
		[TASKS_READ, FAILED_ITEMS, 1],
	];
	return { nodes, links, readsEndAt: [x + 1540, y] };
}

/** Code-node helpers for a plan over the read tasks: `leadOf(index)`, `tasksOf(item)`, `taskIdOf(task)`. */
export const TASK_READ_HELPERS = `
function leadOf(index) {
  const body = $('${LEAD_READ}').itemMatching(index).json.body;
  return (Array.isArray(body) ? body[0] : body) || {};
}
function tasksOf(item) {
  return Array.isArray(item.json.body) ? item.json.body : [];
}
function taskIdOf(task) {
  return String(task.UserTaskId || task.Id || '');
}
`;

/**
 * What the LeadSquared task → GHL templates share after the reads: their plan (one item per task
 * to mirror), Valid?, the GHL contact upserted (source set on new ones only), each plan with the
 * contact it went to, that contact's GHL records of `resource` listed (an empty item when there are
 * none) and matched to the plan. `matchEach` is the template's own part of the match: it sees `plan`
 * (the planned item) and `existing` (the contact's records) and sets `decided` (declared as a const, merged into the plan).
 */
export function lsqToGhlMatched(opts: {
	templateId: string;
	at: Position;
	plan: { name: string; code: string };
	names: { wanted: string; existing: string; match: string };
	resource: 'task' | 'appointment';
	matchIntro: string;
	matchEach: string;
}): { nodes: N8nNode[]; links: Link[] } {
	const [x, y] = opts.at;
	const { wanted, existing, match } = opts.names;
	const upsert = errorOutput(upsertContact('Create or update GHL contact', [x + 440, y], { ...fromJson('firstName', 'lastName', 'tags') }));
	upsert.parameters.simplify = false;
	const wantedCode = `
// The plan of each written contact, with the contact it went to.
return $input.all().map((item, index) => ({
  json: Object.assign({}, $('${opts.plan.name}').itemMatching(index).json, { contactId: item.json.contact.id }),
  pairedItem: { item: index },
}));
`;
	const matchCode = `${opts.matchIntro}
const wanted = $('${wanted}').all();
let failed = [];
try { failed = $('${existing}').all(1); } catch (error) { failed = []; }
const failedIndexes = new Set(failed.map((item) => item.pairedItem && item.pairedItem.item));
const records = $input.all();
const out = [];
wanted.forEach((entry, index) => {
  if (failedIndexes.has(index)) return;
  const own = records.map((item, at) => ({ item, at })).filter(({ item }) => [].concat(item.pairedItem || []).some((p) => p && p.item === index));
  const existing = own.map(({ item }) => item.json).filter((record) => record && record.id);
  const plan = entry.json;
${opts.matchEach}
  out.push({ json: Object.assign({}, plan, decided), pairedItem: { item: own.length ? own[0].at : 0 } });
});
return out;
`;
	return {
		nodes: [
			code(opts.plan.name, [x, y], opts.plan.code),
			ifTrue('Valid?', [x + 220, y], '$json.valid', opts.templateId),
			upsert,
			ifTrue('New contact?', [x + 660, y - 200], '$json.new === true', opts.templateId),
			errorOutput(
				ghl('Set source on the new contact', [x + 880, y - 200], 'contact', 'update', {
					contactId: contactById('$json.contact.id'),
					updateFields: { source: "={{ $('Config').first().json.ghlSource }}" },
				}),
			),
			code(wanted, [x + 660, y], wantedCode),
			{
				...errorOutput(ghl(existing, [x + 880, y], opts.resource, 'getAll', { contactId: contactById('$json.contactId'), returnAll: true })),
				// One empty item when the contact has none yet, so the match still runs.
				alwaysOutputData: true,
			},
			code(match, [x + 1100, y], matchCode),
		],
		links: [
			[TASKS_READ, opts.plan.name, 0],
			[opts.plan.name, 'Valid?'],
			['Valid?', 'Create or update GHL contact', 0],
			['Valid?', FAILED_ITEMS, 1],
			['Create or update GHL contact', 'New contact?', 0],
			['Create or update GHL contact', wanted, 0],
			['Create or update GHL contact', FAILED_ITEMS, 1],
			['New contact?', 'Set source on the new contact', 0],
			['Set source on the new contact', FAILED_ITEMS, 1],
			[wanted, existing],
			[existing, match, 0],
			[existing, FAILED_ITEMS, 1],
		],
	};
}
