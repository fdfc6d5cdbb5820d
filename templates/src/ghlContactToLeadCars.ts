import { code, config, contactById, ghl, ghlContactTriggers, http, ifTrue, noOp, PARTNERS, type TemplateSpec } from './lib';
import { ghlContactEventSample } from './samples';
import { CONTACT_OF, PHONE_E164 } from './snippets';
import { errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, LEDGER, markerCheck, recordDone } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'ghlToLeadCars001';
const PLAN = 'Map contact to LeadCars lead';
const LEAD_ID = 'LeadCars lead id';
const LINKED = 'Linked to a LeadCars lead?';
const READ_LEAD = 'LeadCars: read the linked lead';
const STATES = 'LeadCars: lead states';
const UPDATE = 'Plan the lead update';

const MAP = `${CONTACT_OF}${PHONE_E164}${LEDGER}
// GHL contact → LeadCars lead (v2.5). A contact not linked yet becomes a new lead (POST /leads:
// nombre, apellidos, email, concesionario and tipo_lead required; phones E.164). A contact linked to
// a LeadCars lead (tag leadcars-id-N, written here or by the LeadCars → HighLevel template) is an
// update of that lead (PUT /leads/{id}/submit): the id comes from GHL, never typed in. LeadCars has
// no way to look a lead up, so a created id is also kept in this workflow's static data at once:
// if tagging the contact failed, the next run tags it instead of creating a second lead.
const config = $('Config').first().json;
const out = [];
for (const [index, item] of $input.all().entries()) {
  const contact = contactOf(item.json);
  const text = (key) => (contact[key] === null || contact[key] === undefined ? '' : String(contact[key]).trim());
  const tags = (Array.isArray(contact.tags) ? contact.tags : String(contact.tags || '').split(','))
    .map((tag) => String(tag).trim().toLowerCase()).filter(Boolean);
  const requiredTag = String(config.onlyContactsTagged || '').trim().toLowerCase();
  const created = $getWorkflowStaticData('global').leadCarsIds || {};
  const linkTag = tags.find((tag) => /^leadcars-id-\\d+$/.test(tag));
  const linkedId = linkTag ? linkTag.slice('leadcars-id-'.length) : '';
  const mode = linkedId ? 'update' : 'create';
  const syncKey = (mode === 'update' ? 'leadcars-update:' : 'ghl-contact:') + text('id');
  const tagTemperature = tags.includes('hot') ? 'hot' : tags.includes('warm') ? 'warn' : tags.includes('cold') ? 'cold' : '';
  const phone = phoneE164(text('phone'), config.defaultCountryCode);
  const lead = {
    nombre: text('firstName'),
    apellidos: text('lastName'),
    email: text('email').toLowerCase(),
    custom: { ghl_contact_id: text('id') },
  };
  if (mode === 'create') {
    Object.assign(lead, { concesionario: Number(config.concesionario), tipo_lead: Number(config.tipoLead), comentario: config.comment });
    if (config.sede) lead.sede = Number(config.sede);
    if (config.campana) lead.campana = String(config.campana);
  }
  if (phone) lead.movil = phone;
  if (text('postalCode')) lead.cp = text('postalCode');
  if (text('state')) lead.provincia = text('state');
  if (mode === 'create' && text('website')) lead.url_origen = text('website');
  if (text('companyName')) lead.custom.company = text('companyName');
  if (text('city')) lead.custom.city = text('city');
  // On an update only a temperature tag moves the lead's temperature; the dealer's own stays otherwise.
  const temperature = tagTemperature || (mode === 'create' ? config.temperature : '');
  if (temperature) lead.temperature = temperature;
  const hash = syncHash(lead);
  let reason = '';
  if (requiredTag && !tags.includes(requiredTag)) reason = 'not tagged ' + requiredTag;
  else if (!text('email') || !text('firstName') || !text('lastName')) reason = 'LeadCars needs email, first and last name';
  else if (mode === 'update' && alreadySynced(syncKey, hash)) reason = 'LeadCars lead ' + linkedId + ' has this already';
  const invalidReason = !reason && !/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(lead.email) ? 'invalid email ' + lead.email.slice(0, 80) : '';
  out.push({
    json: {
      syncKey, syncHash: hash, ghlContactId: text('id'), mode, lead, send: !reason, skipReason: reason, valid: !invalidReason, invalidReason,
      leadCarsId: linkedId || created['ghl-contact:' + text('id')] || '',
    },
    pairedItem: { item: index },
  });
}
return out;
`;

const UPDATE_PLAN = `${LEDGER}
// What LeadCars holds now decides the edit: only fields that differ are sent, so a change LeadCars
// has already (e.g. the LeadCars → HighLevel template wrote it into GHL) is not sent back. The edit
// needs the lead's state (estado): it keeps its current one unless Config estadoOnUpdate names one.
const config = $('Config').first().json;
const states = $('${STATES}').all().map((item) => item.json);
const wanted = $('${LINKED}').all(0);
const text = (value) => (value === null || value === undefined ? '' : String(value).trim());
const digits = (value) => text(value).replace(/\\D/g, '');
const ledger = syncLedger();
const out = [];
for (const item of $('${READ_LEAD}').all()) {
  const paired = [].concat(item.pairedItem || [])[0];
  const plan = wanted[paired ? paired.item : 0].json;
  const info = item.json || {};
  const lead = info.lead || {};
  const data = (info.contact && info.contact.data) || {};
  const current = { nombre: lead.name, apellidos: lead.last_name, email: lead.email, movil: lead.cellphone, cp: lead.postal_code, provincia: lead.region, company: data.company, city: data.city, temperature: info.temperature };
  const sent = plan.lead;
  const next = { nombre: sent.nombre, apellidos: sent.apellidos, email: sent.email, movil: sent.movil, cp: sent.cp, provincia: sent.provincia, company: sent.custom.company, city: sent.custom.city, temperature: sent.temperature };
  const same = (key) => (key === 'movil' ? digits(next[key]) === digits(current[key]) : key === 'email' ? text(next[key]).toLowerCase() === text(current[key]).toLowerCase() : text(next[key]) === text(current[key]));
  const differences = Object.keys(next).filter((key) => text(next[key]) !== '' && !same(key));
  if (!differences.length) {
    ledger[plan.syncKey] = { hash: plan.syncHash, at: Date.now() };
    continue;
  }
  const stateName = text(config.estadoOnUpdate) || text(info.status && info.status.name);
  const state = states.find((candidate) => String(candidate.id) === stateName || text(candidate.name).toLowerCase() === stateName.toLowerCase());
  const update = { estado: { id: state ? state.id : null, motivos: [], texto: '' } };
  const custom = { ghl_contact_id: sent.custom.ghl_contact_id };
  for (const key of differences) {
    if (key === 'company' || key === 'city') custom[key] = next[key];
    else update[key] = next[key];
  }
  update.custom = custom;
  out.push({
    json: Object.assign({}, plan, { update, differences, valid: !!state, invalidReason: state ? '' : 'LeadCars state "' + stateName + '" is not in /listStates' }),
    pairedItem: { item: 0 },
  });
}
return out;
`;

const triggers = ghlContactTriggers({ trigger: 'GHL contact created or changed', events: ['ContactCreate', 'ContactUpdate', 'ContactTagUpdate'], catchUp: 'Catch-up: contacts created or changed in GHL', demoLimit: 2 });

export const ghlContactToLeadCars: TemplateSpec = {
	id: ID,
	file: 'ghl-contact-to-leadcars',
	partnerPrivilege: PARTNER_PRIVILEGE.leadCars,
	name: 'HighLevel contact → LeadCars lead (created, then kept up to date)',
	description:
		'When a HighLevel contact is created, it is sent to LeadCars as a new lead for your dealership (POST /leads with your concesionario, sede, lead type and campaign). The LeadCars lead id comes back as the contact tag "leadcars-id-N" plus one note; the tag (also written by the "LeadCars leads → HighLevel" template) stops it being sent twice, and the id is kept as soon as LeadCars answers, so a failed tagging is retried without a second lead. Later changes of a linked contact (name, email, phone, postal code, province, company, city, a hot/warm/cold tag) update that LeadCars lead (PUT /leads/{id}/submit), the id read from the contact\'s tag: only fields LeadCars does not have yet are sent, with the lead\'s current state (estado, required by LeadCars) unless Config estadoOnUpdate names another. A polling trigger catches up with contacts created or changed while n8n was down. Failures end in "Failed items"; set Settings › Error Workflow for runs that fail as a whole. "Execute workflow" sends a sample ContactCreate (the sandbox\'s contact Grace Hopper); "Run it now" sends the 2 newest GHL contacts.',
	nodes: [
		...triggers.nodes,
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
			{ name: 'estadoOnUpdate', value: '' },
		], ID),
		code(PLAN, [660, 100], MAP),
		ifTrue('Send to LeadCars?', [880, 100], '$json.send', ID),
		noOp('Skip (see skipReason)', [1100, 260]),
		ifTrue('Valid?', [1100, 40], '$json.valid', ID),
		ifTrue(LINKED, [1320, -160], "$json.mode === 'update'", ID),
		ifTrue('Created before?', [1320, 40], '!!$json.leadCarsId', ID),
		errorOutput(
			http(READ_LEAD, [1540, -360], {
				method: 'GET',
				url: "={{ $('Config').first().json.leadCarsApiUrl }}/leadinfos/{{ $json.leadCarsId }}",
				credential: 'leadCarsApi',
				batchIntervalMs: 300,
			}),
		),
		{
			...errorOutput(
				http(STATES, [1760, -360], { method: 'GET', url: "={{ $('Config').first().json.leadCarsApiUrl }}/listStates", credential: 'leadCarsApi' }),
			),
			// Read once per run, whatever the number of leads to edit.
			executeOnce: true,
		},
		code(UPDATE, [1980, -360], UPDATE_PLAN),
		ifTrue('Update possible?', [2200, -360], '$json.valid', ID),
		errorOutput(
			http('LeadCars: update lead', [2420, -420], {
				method: 'PUT',
				url: "={{ $('Config').first().json.leadCarsApiUrl }}/leads/{{ $json.leadCarsId }}/submit",
				credential: 'leadCarsApi',
				jsonBody: 'JSON.stringify($json.update)',
				batchIntervalMs: 300,
			}),
		),
		recordDone('Record the update as synced', [2640, -360], UPDATE),
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
		failedItems([3300, 400], PLAN, [UPDATE, 'Note there already?', 'Note wanted', LEAD_ID]),
	],
	editorSample: [ghlContactEventSample('ContactCreate', 'grace.hopper@example.com', { webhookId: 'b1c4a3e0-5d6f-4a71-9c2e-0f5e7a1d2c02', fetchFullRecord: true })],
	links: [
		...triggers.links,
		['Config', PLAN],
		[PLAN, 'Send to LeadCars?'],
		['Send to LeadCars?', 'Valid?', 0],
		['Send to LeadCars?', 'Skip (see skipReason)', 1],
		['Valid?', LINKED, 0],
		[LINKED, READ_LEAD, 0],
		[LINKED, 'Created before?', 1],
		[READ_LEAD, STATES, 0],
		[READ_LEAD, FAILED_ITEMS, 1],
		[STATES, UPDATE, 0],
		[STATES, FAILED_ITEMS, 1],
		[UPDATE, 'Update possible?'],
		['Update possible?', 'LeadCars: update lead', 0],
		['Update possible?', FAILED_ITEMS, 1],
		['LeadCars: update lead', 'Record the update as synced', 0],
		['LeadCars: update lead', FAILED_ITEMS, 1],
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
