import { code, config, contactById, ghl, ghlPollingTrigger, ghlTrigger, http, ifTrue, manualTrigger, noOp, PARTNERS, type TemplateSpec } from './lib';
import { ghlContactEventSample } from './samples';
import { CONTACT_OF, PHONE_E164 } from './snippets';
import { errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, LEDGER, markerCheck, recordDone } from './sync';

const ID = 'ghlToLeadCars001';
const PLAN = 'Map contact to LeadCars lead';
const LEAD_ID = 'LeadCars lead id';

const MAP = `${CONTACT_OF}${PHONE_E164}${LEDGER}
// GHL contact → LeadCars POST /leads (v2.5). nombre, apellidos, email, concesionario and tipo_lead
// are required; phones must be E.164. A contact linked to a LeadCars lead (tag leadcars-id-N, which
// the LeadCars → HighLevel template also writes) is not sent again. LeadCars has no way to look a
// lead up, so the LeadCars id is also kept in this workflow's static data as soon as the lead is
// created: if tagging the contact failed, the next run tags it instead of creating a second lead.
const config = $('Config').first().json;
const out = [];
for (const [index, item] of $input.all().entries()) {
  const contact = contactOf(item.json);
  const text = (key) => (contact[key] === null || contact[key] === undefined ? '' : String(contact[key]).trim());
  const tags = (Array.isArray(contact.tags) ? contact.tags : String(contact.tags || '').split(','))
    .map((tag) => String(tag).trim().toLowerCase()).filter(Boolean);
  const requiredTag = String(config.onlyContactsTagged || '').trim().toLowerCase();
  const syncKey = 'ghl-contact:' + text('id');
  const created = $getWorkflowStaticData('global').leadCarsIds || {};
  let reason = '';
  if (tags.some((tag) => tag.startsWith('leadcars-id-'))) reason = 'linked to a LeadCars lead already';
  else if (requiredTag && !tags.includes(requiredTag)) reason = 'not tagged ' + requiredTag;
  else if (!text('email') || !text('firstName') || !text('lastName')) reason = 'LeadCars needs email, first and last name';
  const temperature = tags.includes('hot') ? 'hot' : tags.includes('warm') ? 'warn' : tags.includes('cold') ? 'cold' : config.temperature;
  const phone = phoneE164(text('phone'), config.defaultCountryCode);
  const lead = {
    nombre: text('firstName'),
    apellidos: text('lastName'),
    email: text('email').toLowerCase(),
    concesionario: Number(config.concesionario),
    tipo_lead: Number(config.tipoLead),
    comentario: config.comment,
    custom: { ghl_contact_id: text('id') },
  };
  if (phone) lead.movil = phone;
  if (text('postalCode')) lead.cp = text('postalCode');
  if (text('state')) lead.provincia = text('state');
  if (text('website')) lead.url_origen = text('website');
  if (text('companyName')) lead.custom.company = text('companyName');
  if (text('city')) lead.custom.city = text('city');
  if (config.sede) lead.sede = Number(config.sede);
  if (config.campana) lead.campana = String(config.campana);
  if (temperature) lead.temperature = temperature;
  const invalidReason = !reason && !/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(lead.email) ? 'invalid email ' + lead.email.slice(0, 80) : '';
  out.push({
    json: {
      syncKey, syncHash: syncHash(lead), ghlContactId: text('id'), lead, send: !reason, skipReason: reason, valid: !invalidReason, invalidReason,
      leadCarsId: created[syncKey] || '',
    },
    pairedItem: { item: index },
  });
}
return out;
`;

export const ghlContactToLeadCars: TemplateSpec = {
	id: ID,
	file: 'ghl-contact-to-leadcars',
	name: 'HighLevel contact → LeadCars lead (for the dealer)',
	description:
		'When a HighLevel contact is created (or its tags change), it is sent to LeadCars as a new lead for your dealership (POST /leads with your concesionario, sede, lead type and campaign). The LeadCars lead id comes back as the contact tag "leadcars-id-N" plus one note; the tag (also written by the "LeadCars leads → HighLevel" template) stops it being sent twice, and the id is kept as soon as LeadCars answers, so a failed tagging is retried without a second lead. A polling trigger catches up with contacts created while n8n was down. Failures end in "Failed items"; set Settings › Error Workflow for runs that fail as a whole. "Execute workflow" sends a sample ContactCreate (the sandbox\'s contact Grace Hopper); "Run it now" sends the 2 newest GHL contacts.',
	nodes: [
		ghlTrigger('GHL contact created or tagged', [0, 0], {
			events: ['ContactCreate', 'ContactTagUpdate'],
			verification: 'ghlSignature',
			locationIds: '',
			fetchFullRecord: true,
			authentication: 'privateIntegration',
			options: {},
		}),
		manualTrigger('Run it now', [0, 220]),
		// After the Manual Trigger: `n8n execute` starts at the first trigger or polling node in this list.
		ghlPollingTrigger('Catch-up: contacts created or changed in GHL', [0, -200], 'contactUpdated', 15, { includeNewContacts: true }),
		ghl('Newest GHL contacts (demo)', [220, 220], 'contact', 'getAll', {
			returnAll: false,
			limit: 2,
			sortUi: { rule: [{ field: 'dateAdded', direction: 'desc' }] },
		}),
		config('Config', [440, 100], [
			{ name: 'leadCarsApiUrl', value: `${PARTNERS}/leadcars/api/v2` },
			{ name: 'concesionario', value: 123 },
			{ name: 'sede', value: 456 },
			{ name: 'tipoLead', value: 7 },
			{ name: 'campana', value: 'VN-OTONO-25' },
			{ name: 'temperature', value: 'warn' },
			{ name: 'onlyContactsTagged', value: '' },
			{ name: 'defaultCountryCode', value: '34' },
			{ name: 'comment', value: 'Lead recibido desde HighLevel' },
		], ID),
		code(PLAN, [660, 100], MAP),
		ifTrue('Send to LeadCars?', [880, 100], '$json.send', ID),
		noOp('Skip (see skipReason)', [1100, 260]),
		ifTrue('Valid?', [1100, 40], '$json.valid', ID),
		ifTrue('Created before?', [1320, 40], '!!$json.leadCarsId', ID),
		errorOutput(
			http('LeadCars: create lead', [1540, 100], {
				method: 'POST',
				url: "={{ $('Config').first().json.leadCarsApiUrl }}/leads",
				credential: 'leadCarsApi',
				jsonBody: 'JSON.stringify($json.lead)',
				batchIntervalMs: 300,
			}),
		),
		code(LEAD_ID, [1760, 40], `
// The LeadCars id: from the create answer (kept at once in static data, see the plan step), or
// from an earlier run whose tagging failed. The create answer is not documented;
// {"success":true,"data":{"id":N}} and {"id":N} are read, anything else fails the item.
const data = $getWorkflowStaticData('global');
if (!data.leadCarsIds || typeof data.leadCarsIds !== 'object') data.leadCarsIds = {};
const out = [];
for (const [index, item] of $input.all().entries()) {
  if (item.json.syncKey) {
    out.push({ json: item.json, pairedItem: { item: index } });
    continue;
  }
  const plan = $('Created before?').itemMatching(index).json;
  const body = item.json;
  const id = (body.data && body.data.id) || body.id || (body.lead && body.lead.id);
  if (!id) throw new Error('LeadCars did not return a lead id: ' + JSON.stringify(body).slice(0, 200));
  data.leadCarsIds[plan.syncKey] = String(id);
  out.push({ json: Object.assign({}, plan, { leadCarsId: String(id) }), pairedItem: { item: index } });
}
return out;
`),
		errorOutput(
			ghl('Tag contact with the LeadCars id', [1980, 40], 'tag', 'add', {
				contactId: contactById('$json.ghlContactId'),
				tags: "={{ 'leadcars, leadcars-id-' + $json.leadCarsId }}",
			}),
		),
		code('Note wanted', [2200, 40], `
return $input.all().map((item, index) => {
  const plan = $('${LEAD_ID}').itemMatching(index).json;
  return { json: Object.assign({}, plan, { contactId: plan.ghlContactId, marker: '[sync:leadcars-lead:' + plan.leadCarsId + ']' }), pairedItem: { item: index } };
});
`),
		{
			...errorOutput(ghl('Existing notes of the contact', [2420, 40], 'note', 'getAll', { contactId: contactById('$json.contactId'), returnAll: true })),
			alwaysOutputData: true,
		},
		markerCheck('Note there already?', [2640, 40], { feederNode: 'Note wanted', lookupNode: 'Existing notes of the contact', textOf: 'item.json.body' }),
		ifTrue('Note missing?', [2860, 40], '!$json.exists', ID),
		errorOutput(
			ghl('Add note: sent to LeadCars', [3080, -60], 'note', 'create', {
				contactId: contactById('$json.contactId'),
				body: "={{ 'Sent to LeadCars as lead #' + $json.leadCarsId + ' (concesionario ' + $('Config').first().json.concesionario + ', sede ' + $('Config').first().json.sede + ', campaña ' + $('Config').first().json.campana + ').\\n' + $json.marker }}",
				additionalFields: {},
			}),
		),
		recordDone('Record as synced', [3300, 40], 'Note there already?'),
		failedItems([3300, 400], PLAN, ['Note there already?', 'Note wanted', LEAD_ID]),
	],
	editorSample: [ghlContactEventSample('ContactCreate', 'grace.hopper@example.com', { webhookId: 'b1c4a3e0-5d6f-4a71-9c2e-0f5e7a1d2c02', fetchFullRecord: true })],
	links: [
		['GHL contact created or tagged', 'Config'],
		['Catch-up: contacts created or changed in GHL', 'Config'],
		['Run it now', 'Newest GHL contacts (demo)'],
		['Newest GHL contacts (demo)', 'Config'],
		['Config', PLAN],
		[PLAN, 'Send to LeadCars?'],
		['Send to LeadCars?', 'Valid?', 0],
		['Send to LeadCars?', 'Skip (see skipReason)', 1],
		['Valid?', 'Created before?', 0],
		['Valid?', FAILED_ITEMS, 1],
		['Created before?', LEAD_ID, 0],
		['Created before?', 'LeadCars: create lead', 1],
		['LeadCars: create lead', LEAD_ID, 0],
		['LeadCars: create lead', FAILED_ITEMS, 1],
		[LEAD_ID, 'Tag contact with the LeadCars id'],
		['Tag contact with the LeadCars id', 'Note wanted', 0],
		['Tag contact with the LeadCars id', FAILED_ITEMS, 1],
		['Note wanted', 'Existing notes of the contact'],
		['Existing notes of the contact', 'Note there already?', 0],
		['Existing notes of the contact', FAILED_ITEMS, 1],
		['Note there already?', 'Note missing?'],
		['Note missing?', 'Add note: sent to LeadCars', 0],
		['Note missing?', 'Record as synced', 1],
		['Add note: sent to LeadCars', 'Record as synced', 0],
		['Add note: sent to LeadCars', FAILED_ITEMS, 1],
	],
	stickies: [failedItemsSticky([3300, 600])],
};
