import { code, config, http, ifTrue, lsqCatchUpWindow, lsqLeadsModifiedSince, lsqTriggers, PARTNERS, fromJson, type TemplateSpec } from './lib';
import { webhookSample } from './samples';
import { LSQ_CONTACT, LSQ_CONTACT_ROWS, lsqMappingNode, lsqMappingSticky, oneItemPerRecord } from './lsqMapping';
import { ISO_FROM_UTC, PAYLOADS_OF } from './snippets';
import { contactSync, errorOutput, FAILED_ITEMS, failedItemsSticky, LEDGER } from './sync';
import sample from '../../sandbox/partners/payloads/leadsquared-lead-activity-created.json';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'lsqActivityTask1';
const PLAN = 'Plan: map, validate, skip synced';
const ONE_PER_ACTIVITY = 'One item per activity';
const MAPPING = 'LeadSquared → GHL fields';

const PLAN_CODE = `${LSQ_CONTACT}${ISO_FROM_UTC}${LEDGER}
// One GHL task and one note per LeadSquared activity, from the webhook (one activity or a batch)
// or from the catch-up listing; both carry the marker [sync:lsq-activity:<id>] and are looked up
// before they are created. Activities our own templates posted (their note holds a [sync:…]
// marker, e.g. "Meeting Booked in HighLevel") are echoes and are skipped.
const config = $('Config').first().json;
const dueHours = Number(config.taskDueInHours) || 24;
const out = [];
for (const [index, item] of $input.all().entries()) {
  const activity = $('${ONE_PER_ACTIVITY}').itemMatching(index).json;
  const value = (key) => (activity[key] === null || activity[key] === undefined ? '' : String(activity[key]).trim());
  if (/\\[sync:/.test(value('ActivityNote'))) continue;
  const name = value('ActivityEventName') || 'Activity ' + value('ActivityEvent');
  const happened = isoFromUtc(value('ActivityDateTime')) || isoFromUtc(value('CreatedOn'));
  const scheduled = isoFromUtc(value(config.dueDateField || 'mx_Custom_1'));
  const due = scheduled || (happened ? new Date(Date.parse(happened) + dueHours * 3600 * 1000).toISOString() : '');
  const extra = Object.keys(activity)
    .filter((key) => /^mx_/.test(key) && value(key))
    .map((key) => key + ': ' + value(key));
  const details = [value('ActivityNote'), ...extra].filter(Boolean).join('\\n');
  // LeadSquared documents no payload for this webhook: without an activity id the lead, event
  // and time identify it.
  const activityId = value('ProspectActivityId') || [value('RelatedProspectId'), value('ActivityEvent'), value('ActivityDateTime')].join('/');
  const extraTags = value('RelatedProspectId') ? ['lsq:' + value('RelatedProspectId').toLowerCase()] : [];
  const mapped = lsqContact(item.json, config, extraTags);
  const contact = Object.fromEntries(['email', 'phone', 'firstName', 'lastName', 'tags'].map((key) => [key, mapped.contact[key]]));
  const { customFields, dndSettings } = mapped;
  const marker = '[sync:lsq-activity:' + activityId + ']';
  const task = { taskTitle: 'LeadSquared: ' + name, taskBody: details + '\\n' + marker, dueDate: due };
  const syncKey = 'lsq-activity:' + activityId;
  const hash = syncHash(Object.assign({ customFields, dndSettings }, contact, task));
  if (alreadySynced(syncKey, hash)) continue;
  let invalidReason = '';
  if (!value('ProspectActivityId') && !value('ActivityDateTime')) invalidReason = 'no ProspectActivityId or ActivityDateTime to identify the activity';
  else if (!contact.email && !contact.phone) invalidReason = 'no email or phone to match on';
  else if (contact.email && !/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(contact.email)) invalidReason = 'invalid email ' + contact.email.slice(0, 80);
  else if (!due) invalidReason = 'no valid ActivityDateTime or due date';
  out.push({
    json: Object.assign({ syncKey, syncHash: hash, valid: !invalidReason, invalidReason, marker, activityId, customFields, dndSettings }, contact, task, {
      noteBody: 'LeadSquared activity "' + name + '" (code ' + value('ActivityEvent') + ') on ' + (happened || '-') + '\\n' + details +
        '\\nActivity ' + activityId + ' of lead ' + (value('RelatedProspectId') || '-') + '\\n' + marker,
    }),
    pairedItem: { item: index },
  });
}
return out;
`;

const LEADS = `
// Leads.RecentlyModified pages → one item per lead (its id and the fields an activity needs).
const out = [];
for (const page of $input.all()) {
  for (const entry of page.json.Leads || []) {
    const lead = {};
    for (const pair of entry.LeadPropertyList || []) lead[pair.Attribute] = pair.Value;
    if (lead.ProspectID) out.push({ json: { leadId: lead.ProspectID, lead } });
  }
}
return out;
`;

const ACTIVITIES = `
// ProspectActivity.svc/Retrieve answers {RecordCount, ProspectActivities: [...]} per lead: keep the
// activities of the window, shaped like the webhook's (custom fields flat, the lead's contact fields).
// The window moves on only when every lead's activities were read (a failed lead is read again).
const window = $('Catch-up window').first().json;
let failedLeads = [];
try { failedLeads = $('LeadSquared: activities of the lead').all(1); } catch (error) { failedLeads = []; }
const activities = [];
for (const [index, item] of $input.all().entries()) {
  const lead = $('Leads from the listing').itemMatching(index).json.lead;
  for (const activity of (item.json.body && item.json.body.ProspectActivities) || []) {
    const when = String(activity.CreatedOn || activity.ActivityDateTime || '');
    if (when && when.slice(0, 19) < window.fromDate) continue;
    const flat = {};
    for (const field of activity.Fields || []) flat[field.SchemaName] = field.Value;
    activities.push(Object.assign(flat, {
      ProspectActivityId: activity.Id, RelatedProspectId: activity.RelatedProspectId, ActivityEvent: activity.ActivityEvent,
      ActivityEventName: activity.ActivityEventName, ActivityNote: activity.ActivityNote, ActivityDateTime: activity.ActivityDateTime,
      EmailAddress: lead.EmailAddress, FirstName: lead.FirstName, LastName: lead.LastName, Phone: lead.Phone, Mobile: lead.Mobile,
    }));
  }
}
if (failedLeads.length === 0) $getWorkflowStaticData('global').catchUpFrom = window.startedAt;
return [{ json: { activities } }];
`;

const DEMO = `
// The activity payload assumed for LeadSquared's "Lead Activity Creation" webhook
// (partner-payloads/leadsquared-lead-activity-created.json), shaped like the Webhook node's output.
return [{ json: { headers: {}, query: {}, body: ${JSON.stringify(sample, null, 2).replace(/\n/g, '\n  ')} } }];
`;

const LSQ = (path: string) => `={{ $('Config').first().json.lsqHost }}/v2/${path}`;

const triggers = lsqTriggers({ label: 'activity', webhookPath: 'leadsquared/activity', demoCode: DEMO });

const window = lsqCatchUpWindow(
	[660, -200],
	`// Catch-up: the leads LeadSquared shows as modified since the last catch-up (minus an overlap);
// their activities of that window are read next. The plan step skips what was synced already.`,
);

const tail = contactSync({
	templateId: ID,
	planNode: PLAN,
	at: [1980, 100],
	contactFields: { ...fromJson('firstName', 'lastName', 'tags'), customFieldsObject: '={{ $json.customFields }}', dndSettingsObject: '={{ $json.dndSettings }}' },
	sourceExpression: "$('Config').first().json.ghlSource",
	sides: [
		{
			kind: 'task',
			label: 'Follow-up task',
			markerKey: 'marker',
			params: {
				title: '={{ $json.taskTitle }}',
				dueDate: '={{ $json.dueDate }}',
				completed: false,
				additionalFields: { body: '={{ $json.taskBody }}', assignedTo: "={{ $('Config').first().json.assignTaskTo }}" },
			},
		},
		{ kind: 'note', label: 'Note', markerKey: 'marker', params: { body: '={{ $json.noteBody }}', additionalFields: {} } },
	],
});

export const lsqActivityToGhl: TemplateSpec = {
	id: ID,
	file: 'leadsquared-activity-to-ghl-task',
	partnerPrivilege: PARTNER_PRIVILEGE.leadSquared,
	name: 'LeadSquared activity → HighLevel task + note',
	description:
		'LeadSquared posts a webhook for each new lead activity (e.g. "Site Visit Scheduled"); a schedule catches up with the activities of recently modified leads. The lead is found or created in HighLevel by email or phone (tagged lsq:<ProspectID>; source set only on new contacts) and gets one follow-up task (due at the date in the activity, or a day later) and one note per activity: both carry the activity id and are not created twice. Activities our own templates posted are skipped. Failures end in "Failed items" and are written by a later run; set Settings › Error Workflow for runs that fail as a whole. Click "Execute workflow" to run it on a sample activity.',
	nodes: [
		...triggers.nodes,
		config('Config', [440, 100], [
			{ name: 'lsqHost', value: `${PARTNERS}/leadsquared` },
			{ name: 'taskDueInHours', value: 24 },
			{ name: 'dueDateField', value: 'mx_Custom_1' },
			{ name: 'assignTaskTo', value: '' },
			{ name: 'tags', value: 'leadsquared' },
			{ name: 'ghlSource', value: 'LeadSquared' },
			{ name: 'defaultCountryCode', value: '91' },
			{ name: 'catchUpOverlapMinutes', value: 10 },
			{ name: 'catchUpFirstHours', value: 24 },
		], ID),
		ifTrue('Catch-up run?', [660, 100], '$json.catchUp === true', ID),
		window,
		errorOutput(
			lsqLeadsModifiedSince(
				[880, -200],
				"JSON.stringify({ Parameter: { FromDate: $json.fromDate, ToDate: $json.toDate }, Columns: { Include_CSV: 'ProspectID,EmailAddress,FirstName,LastName,Phone,Mobile' }, Paging: { PageIndex: 1, PageSize: 500 } })",
			),
		),
		code('Leads from the listing', [1100, -200], LEADS),
		errorOutput(
			http('LeadSquared: activities of the lead', [1320, -200], {
				method: 'POST',
				url: LSQ('ProspectActivity.svc/Retrieve?leadId={{ $json.leadId }}'),
				credential: 'lsqApi',
				jsonBody: "JSON.stringify({ Parameter: { FromDate: $('Catch-up window').first().json.fromDate, ToDate: $('Catch-up window').first().json.toDate }, Paging: { Offset: 0, RowCount: 100 } })",
				fullResponse: true,
				batchIntervalMs: 500,
			}),
		),
		code('Activities from the listing', [1320, 0], ACTIVITIES),
		oneItemPerRecord(ONE_PER_ACTIVITY, [1320, 100], 'activities', PAYLOADS_OF),
		lsqMappingNode(MAPPING, [1540, 100], LSQ_CONTACT_ROWS, ID),
		code(PLAN, [1760, 100], PLAN_CODE),
		...tail.nodes,
	],
	editorSample: [webhookSample(sample)],
	links: [
		...triggers.links,
		['Config', 'Catch-up run?'],
		['Catch-up run?', 'Catch-up window', 0],
		['Catch-up run?', ONE_PER_ACTIVITY, 1],
		['Catch-up window', 'LeadSquared: leads modified since'],
		['LeadSquared: leads modified since', 'Leads from the listing', 0],
		['LeadSquared: leads modified since', FAILED_ITEMS, 1],
		['Leads from the listing', 'LeadSquared: activities of the lead'],
		['LeadSquared: activities of the lead', 'Activities from the listing', 0],
		['LeadSquared: activities of the lead', FAILED_ITEMS, 1],
		['Activities from the listing', ONE_PER_ACTIVITY],
		[ONE_PER_ACTIVITY, MAPPING],
		[MAPPING, PLAN],
		[PLAN, 'Valid?'],
		...tail.links,
	],
	stickies: [failedItemsSticky([4840, 500]), lsqMappingSticky([1420, 300])],
};
