import { code, config, ifTrue, lsqCatchUpWindow, lsqLeadsModifiedSince, lsqTriggers, PARTNERS, fromJson, type N8nNode, type TemplateSpec } from './lib';
import { webhookSample } from './samples';
import { LSQ_CONTACT, LSQ_LEAD_ROWS, lsqMappingNode, lsqMappingSticky, oneItemPerRecord } from './lsqMapping';
import { PAYLOADS_OF, SLUG } from './snippets';
import { contactSync, errorOutput, FAILED_ITEMS, failedItemsSticky, LEDGER } from './sync';
import sample from '../../sandbox/partners/payloads/leadsquared-lead-created.json';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'lsqLeadToGhl0001';
const PLAN = 'Plan: map, validate, skip synced';
const ONE_PER_LEAD = 'One item per lead';
const MAPPING = 'LeadSquared → GHL fields';

const PLAN_CODE = `${LSQ_CONTACT}${SLUG}${LEDGER}
// One GHL contact (and one note per LeadSquared change) per lead; from a webhook (one lead or a
// batch) or from the catch-up listing. What goes where is the mapping node's ("${MAPPING}"); the
// LeadSquared id stays on the contact as the tag lsq:<ProspectID>. A lead whose mapped content this
// workflow already wrote is skipped.
const config = $('Config').first().json;
const out = [];
for (const [index, item] of $input.all().entries()) {
  const lead = $('${ONE_PER_LEAD}').itemMatching(index).json;
  const value = (key) => (lead[key] === null || lead[key] === undefined ? '' : String(lead[key]).trim());
  const prospectId = value('ProspectID');
  const stage = value('ProspectStage');
  const extraTags = [];
  if (stage) extraTags.push('lsq-stage-' + slug(stage));
  if (prospectId) extraTags.push('lsq:' + prospectId.toLowerCase());
  const { contact, customFields, dndSettings } = lsqContact(item.json, config, extraTags);
  const changedAt = value('ModifiedOn') || value('CreatedOn');
  const syncKey = 'lsq-lead:' + prospectId;
  const hash = syncHash({ contact, customFields, dndSettings });
  if (prospectId && alreadySynced(syncKey, hash)) continue;
  let invalidReason = '';
  if (!prospectId) invalidReason = 'no ProspectID';
  else if (!contact.email && !contact.phone) invalidReason = 'no email or phone to match on';
  else if (contact.email && !/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(contact.email)) invalidReason = 'invalid email ' + contact.email.slice(0, 80);
  const marker = '[sync:lsq-lead:' + prospectId + '@' + changedAt + ']';
  const noteLines = [
    'LeadSquared lead ' + prospectId + (value('ProspectAutoId') ? ' (#' + value('ProspectAutoId') + ')' : ''),
    'Stage: ' + (stage || '-'),
    'Source: ' + [value('Source'), value('SourceMedium'), value('SourceCampaign')].filter(Boolean).join(' / '),
    'Score: ' + (value('Score') || '0') + ', engagement score: ' + (value('EngagementScore') || '0'),
    'Owner ID: ' + (value('OwnerId') || '-'),
    'Do not email: ' + (value('DoNotEmail') === '1' ? 'yes' : 'no') + ', do not call: ' + (value('DoNotCall') === '1' ? 'yes' : 'no'),
    'Modified in LeadSquared: ' + (changedAt || '-') + ' UTC',
    marker,
  ];
  out.push({
    json: Object.assign({ syncKey, syncHash: hash, valid: !invalidReason, invalidReason, prospectId, marker, noteBody: noteLines.join('\\n') }, contact, {
      customFields, dndSettings,
      contactFields: Object.fromEntries(Object.entries(contact).filter(([key]) => key !== 'tags')),
    }),
    pairedItem: { item: index },
  });
}
return out;
`;

const LISTING = `
// Leads.RecentlyModified answers {RecordCount, Leads: [{LeadPropertyList: [{Attribute, Value}]}]}
// per page; turn the pages into lead objects for the plan step. The window moves on only here,
// after every page was read.
const leads = [];
for (const page of $input.all()) {
  for (const entry of page.json.Leads || []) {
    const lead = {};
    for (const pair of entry.LeadPropertyList || []) lead[pair.Attribute] = pair.Value;
    leads.push(lead);
  }
}
$getWorkflowStaticData('global').catchUpFrom = $('Catch-up window').first().json.startedAt;
return [{ json: { leads } }];
`;

const DEMO = `
// The "Lead Creation" payload LeadSquared posts (partner-payloads/leadsquared-lead-created.json),
// shaped like the Webhook node's output so the rest of the workflow cannot tell the difference.
return [{ json: { headers: {}, query: {}, body: ${JSON.stringify(sample, null, 2).replace(/\n/g, '\n  ')} } }];
`;

const tail = contactSync({
	templateId: ID,
	planNode: PLAN,
	at: [1760, 100],
	contactFields: {
		...fromJson('firstName', 'lastName', 'companyName', 'website', 'address1', 'city', 'state', 'postalCode', 'country', 'dateOfBirth', 'tags'),
		customFieldsObject: '={{ $json.customFields }}',
		dndSettingsObject: '={{ $json.dndSettings }}',
	},
	sourceExpression: "$('Config').first().json.ghlSource",
	compare: true,
	side: { kind: 'note', label: 'Note', params: { body: '={{ $json.noteBody }}', additionalFields: {} } },
});

const triggers = lsqTriggers({ label: 'lead', webhookPath: 'leadsquared/lead', demoCode: DEMO });

const window = lsqCatchUpWindow(
	[660, -200],
	`// Catch-up: LeadSquared's leads modified since the last catch-up (minus an overlap, so nothing
// written while a run was in flight is missed). The plan step skips what was synced already.`,
);

const listing: N8nNode = errorOutput(
	lsqLeadsModifiedSince(
		[880, -200],
		"JSON.stringify({ Parameter: { FromDate: $json.fromDate, ToDate: $json.toDate }, Paging: { PageIndex: 1, PageSize: 500 }, Sorting: { ColumnName: 'ModifiedOn', Direction: 0 } })",
	),
);

export const lsqLeadToGhl: TemplateSpec = {
	id: ID,
	file: 'leadsquared-lead-to-ghl-contact',
	partnerPrivilege: PARTNER_PRIVILEGE.leadSquared,
	name: 'LeadSquared lead → HighLevel contact + note',
	description:
		'LeadSquared posts a webhook when a lead is created or updated; a schedule catches up with Leads.RecentlyModified for whatever was missed. Each lead becomes a HighLevel contact (create or update, matched by email, then phone, tagged lsq:<ProspectID>; source set only on new contacts; which LeadSquared field goes to which GHL field, custom field (mx_* included) or DND channel is set in the "LeadSquared → GHL fields" node, no code) with one note per LeadSquared change. Replays and overlaps write nothing twice; failures end in "Failed items" and are written by a later run. Set Settings › Error Workflow to be told when a run fails as a whole. Click "Execute workflow" to run it on a sample lead.',
	nodes: [
		...triggers.nodes,
		config('Config', [440, 100], [
			{ name: 'lsqHost', value: `${PARTNERS}/leadsquared` },
			{ name: 'tags', value: 'leadsquared' },
			{ name: 'ghlSource', value: 'LeadSquared' },
			{ name: 'defaultCountryCode', value: '91' },
			{ name: 'catchUpOverlapMinutes', value: 10 },
			{ name: 'catchUpFirstHours', value: 24 },
		], ID),
		ifTrue('Catch-up run?', [660, 100], '$json.catchUp === true', ID),
		window,
		listing,
		code('Leads from the listing', [1100, -200], LISTING),
		oneItemPerRecord(ONE_PER_LEAD, [1100, 100], 'leads', PAYLOADS_OF),
		lsqMappingNode(MAPPING, [1320, 100], LSQ_LEAD_ROWS, ID),
		code(PLAN, [1540, 100], PLAN_CODE),
		...tail.nodes,
	],
	editorSample: [webhookSample(sample)],
	links: [
		...triggers.links,
		['Config', 'Catch-up run?'],
		['Catch-up run?', 'Catch-up window', 0],
		['Catch-up run?', ONE_PER_LEAD, 1],
		['Catch-up window', 'LeadSquared: leads modified since'],
		['LeadSquared: leads modified since', 'Leads from the listing', 0],
		['LeadSquared: leads modified since', FAILED_ITEMS, 1],
		['Leads from the listing', ONE_PER_LEAD],
		[ONE_PER_LEAD, MAPPING],
		[MAPPING, PLAN],
		[PLAN, 'Valid?'],
		...tail.links,
	],
	stickies: [failedItemsSticky([3300, 300]), lsqMappingSticky([1200, 300])],
};
