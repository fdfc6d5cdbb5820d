import { code, config, ghl, http, manualTrigger, PARTNERS, scheduleTrigger, fromJson, type TemplateSpec } from './lib';
import { COUNTRY_CODE, PHONE_E164, SLUG } from './snippets';
import { contactSync, errorOutput, FAILED_ITEMS, failedItemsSticky, LEDGER } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'leadCarsToGhl001';
const LINKED = 'GHL contacts linked to LeadCars';

const LINKED_FILTER = `
// The GHL contacts linked to a LeadCars lead carry the tag "leadcars" and leadcars-id-<id>
// (written by the "HighLevel contact → LeadCars" template, and by this one).
const config = $('Config').first().json;
const tag = String(config.contactTag || 'leadcars').trim();
return [{ json: { filtersJson: JSON.stringify([{ field: 'tags', operator: 'eq', value: tag }]) } }];
`;

const IDS = `
// LeadCars' API cannot list or search leads: it reads one lead by its id. The ids come from GHL
// (each linked contact's leadcars-id-<id> tag); Config leadIds adds leads GHL has never seen (e.g.
// created in LeadCars itself), once: after this run their contacts carry the tag too.
const config = $('Config').first().json;
const fromGhl = [];
for (const item of $input.all()) {
  for (const tag of (item.json && item.json.tags) || []) {
    const match = /^leadcars-id-(\\d+)$/i.exec(String(tag));
    if (match) fromGhl.push(match[1]);
  }
}
const typed = String(config.leadIds || '').split(/[\\s,;]+/).map((id) => id.trim()).filter((id) => /^\\d+$/.test(id));
return [...new Set([...typed, ...fromGhl])].map((leadId) => ({ json: { leadId, fromGhl: fromGhl.includes(leadId) }, pairedItem: { item: 0 } }));
`;

const MAP = `${PHONE_E164}${COUNTRY_CODE}${SLUG}${LEDGER}
// GET /leadinfos/{id} → GHL contact fields, tags and a follow-up task for the dealer's salesperson.
const config = $('Config').first().json;
const out = [];
for (const [index, item] of $input.all().entries()) {
  const info = item.json;
  if (info && info.success === false) {
    // A lead id LeadCars does not know (deleted, or another dealer's) is skipped; anything else stops the run.
    if (/no encontrado|not found/i.test(String(info.message || ''))) continue;
    const leadId = $('Lead ids to read').itemMatching(index).json.leadId;
    out.push({ json: { syncKey: 'leadcars-lead:' + leadId, valid: false, invalidReason: 'LeadCars answered: ' + JSON.stringify(info).slice(0, 200) }, pairedItem: { item: index } });
    continue;
  }
  if (!info || info.id === undefined || !info.lead) {
    // A 5xx or other answer without a lead (the request itself never errors: 404 means unknown id).
    const leadId = $('Lead ids to read').itemMatching(index).json.leadId;
    out.push({ json: { syncKey: 'leadcars-lead:' + leadId, valid: false, invalidReason: 'LeadCars answered: ' + JSON.stringify(info).slice(0, 200) }, pairedItem: { item: index } });
    continue;
  }
  const lead = info.lead || {};
  const contactData = (info.contact && info.contact.data) || {};
  const pick = (...values) => values.map((v) => (v === null || v === undefined ? '' : String(v).trim())).find(Boolean) || '';
  const tags = String(config.tags || '').split(',').map((t) => t.trim()).filter(Boolean);
  tags.push('leadcars-id-' + info.id);
  if (info.temperature) tags.push('leadcars-' + slug(info.temperature));
  if (info.status && info.status.name) tags.push('leadcars-status-' + slug(info.status.name));
  const actions = ((info.actions && info.actions.data) || []).slice(-3).map((a) => a.date + ' ' + a.type + ': ' + a.info);
  const name = pick(lead.name, contactData.name) + ' ' + pick(lead.last_name, contactData.last_name);
  const dealer = info.dealer || {};
  const salesperson = (info.user && info.user.email) || '';
  const changedAt = (info.date_last_action && info.date_last_action.date) || '';
  const contact = {
      email: pick(lead.email, contactData.email).toLowerCase(),
      phone: phoneE164(pick(lead.cellphone, contactData.cellphone, lead.phone, contactData.phone), config.defaultCountryCode),
      firstName: pick(lead.name, contactData.name),
      lastName: pick(lead.last_name, contactData.last_name),
      companyName: pick(contactData.company),
      address1: pick(contactData.address),
      city: pick(contactData.city),
      state: pick(lead.region, contactData.region),
      postalCode: pick(lead.postal_code, contactData.postal_code),
      country: countryCode(contactData.country) || config.defaultCountry || '',
      dateOfBirth: /^\\d{4}-\\d{2}-\\d{2}$/.test(pick(contactData.birthday)) ? pick(contactData.birthday) : '',
      tags: tags.join(', '),
  };
  const syncKey = 'leadcars-lead:' + info.id;
  // One dealer task per LeadCars action (new lead, comment, state change): an edit that only
  // changes fields (e.g. one the HighLevel → LeadCars template made) updates the contact alone.
  const allActions = (info.actions && info.actions.data) || [];
  const lastAction = allActions.length ? String(allActions[allActions.length - 1].date) : changedAt;
  // date_last_action has 1 s resolution: the action list is in the hash so a second action
  // within the same second is still seen.
  const hash = syncHash(Object.assign({ changedAt, lastAction, actionCount: allActions.length }, contact));
  if (alreadySynced(syncKey, hash)) continue;
  let invalidReason = '';
  if (!contact.email && !contact.phone) invalidReason = 'no email or phone to match on';
  else if (contact.email && !/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(contact.email)) invalidReason = 'invalid email ' + contact.email.slice(0, 80);
  const marker = '[sync:leadcars-lead:' + info.id + '@' + lastAction + ']';
  out.push({
    json: Object.assign({ syncKey, syncHash: hash, valid: !invalidReason, invalidReason, marker, leadId: String(info.id) }, contact, {
      taskTitle: 'LeadCars lead #' + info.id + ': ' + name.trim() + (info.vehicle_text ? ' – ' + info.vehicle_text : ''),
      taskBody: [
        'Dealer: ' + [dealer.dealer, dealer.shop].filter(Boolean).join(' / '),
        'Salesperson: ' + (salesperson || '-'),
        'Status: ' + ((info.status && info.status.name) || '-') + ', temperature: ' + (info.temperature || '-'),
        'Type: ' + ((info.type && info.type.name) || '-') + ', campaign: ' + ((info.campaign && info.campaign.name) || '-'),
        'Vehicle: ' + (info.vehicle_text || '-'),
        ...(actions.length ? ['Latest actions:', ...actions] : []),
        marker,
      ].join('\\n'),
      dueDate: new Date(Date.now() + (Number(config.taskDueInHours) || 4) * 3600000).toISOString(),
    }),
    pairedItem: { item: index },
  });
}
return out;
`;

const PLAN = 'Map lead to GHL';
const tail = contactSync({
	templateId: ID,
	planNode: PLAN,
	at: [1540, 100],
	contactFields: { ...fromJson('firstName', 'lastName', 'companyName', 'address1', 'city', 'state', 'postalCode', 'country', 'dateOfBirth', 'tags') },
	sourceExpression: "'LeadCars'",
	side: {
		kind: 'task',
		label: 'Dealer task',
		params: {
			title: '={{ $json.taskTitle }}',
			dueDate: '={{ $json.dueDate }}',
			completed: false,
			additionalFields: { body: '={{ $json.taskBody }}', assignedTo: "={{ $('Config').first().json.assignTaskTo }}" },
		},
	},
});

export const leadCarsToGhl: TemplateSpec = {
	id: ID,
	file: 'leadcars-leads-to-ghl',
	partnerPrivilege: PARTNER_PRIVILEGE.leadCars,
	name: 'LeadCars leads → HighLevel contacts + dealer follow-up tasks',
	description:
		'Every hour, reads the LeadCars leads linked to HighLevel contacts (their leadcars-id-N tag: the ids come from GHL, none typed) plus any ids listed in Config leadIds for leads GHL has not seen yet (GET /leadinfos/{id}) and, for each new or changed lead, creates or updates the HighLevel contact (tags: leadcars, leadcars-id-N, temperature, status) and one follow-up task per new LeadCars action with the dealer, salesperson, vehicle and latest actions (looked up first, never twice). Failures end in "Failed items" and are written by a later run; set Settings › Error Workflow for runs that fail as a whole. LeadCars has no webhooks and no "list leads" call, so a lead GHL has never seen must be listed once in leadIds (see the README). Click "Execute workflow" to run it on the two demo leads.',
	nodes: [
		scheduleTrigger('Every hour', [0, 0], { field: 'hours', every: 1 }),
		manualTrigger('Run it now', [0, 220]),
		config('Config', [220, 100], [
			{ name: 'leadCarsApiUrl', value: `${PARTNERS}/leadcars/api/v2` },
			{ name: 'contactTag', value: 'leadcars' },
			{ name: 'leadIds', value: '799119, 799121' },
			{ name: 'tags', value: 'leadcars' },
			{ name: 'defaultCountryCode', value: '34' },
			{ name: 'defaultCountry', value: 'ES' },
			{ name: 'taskDueInHours', value: 4 },
			{ name: 'assignTaskTo', value: '' },
		], ID),
		code('Filter: contacts linked to LeadCars', [440, 100], LINKED_FILTER),
		{
			...errorOutput(ghl(LINKED, [660, 100], 'contact', 'getAll', { returnAll: true, filtersJson: '={{ $json.filtersJson }}' })),
			// One empty item when no contact is linked yet, so the typed ids are still read.
			alwaysOutputData: true,
		},
		code('Lead ids to read', [880, 100], IDS),
		errorOutput(http('Read LeadCars lead', [1100, 100], {
			method: 'GET',
			url: "={{ $('Config').first().json.leadCarsApiUrl }}/leadinfos/{{ $json.leadId }}",
			credential: 'leadCarsApi',
			batchIntervalMs: 300,
			neverError: true,
		})),
		code(PLAN, [1320, 100], MAP),
		...tail.nodes,
	],
	links: [
		['Every hour', 'Config'],
		['Run it now', 'Config'],
		['Config', 'Filter: contacts linked to LeadCars'],
		['Filter: contacts linked to LeadCars', LINKED],
		[LINKED, 'Lead ids to read', 0],
		[LINKED, FAILED_ITEMS, 1],
		['Lead ids to read', 'Read LeadCars lead'],
		['Read LeadCars lead', PLAN, 0],
		['Read LeadCars lead', FAILED_ITEMS, 1],
		[PLAN, 'Valid?'],
		...tail.links,
	],
	stickies: [failedItemsSticky([3080, 400])],
};
