import { code, config, contactById, ghl, ghlTrigger, http, ifTrue, manualTrigger, noOp, PARTNERS, type TemplateSpec } from './lib';
import { ghlContactEventSample } from './samples';
import { CONTACT_OF, PHONE_E164 } from './snippets';

const ID = 'ghlToLeadCars001';

const MAP = `${CONTACT_OF}${PHONE_E164}
// GHL contact → LeadCars POST /leads (v2.5). nombre, apellidos, email, concesionario and tipo_lead
// are required; phones must be E.164. Contacts already linked (tag leadcars-id-N) or coming from
// LeadCars are skipped, so the LeadCars → HighLevel template does not echo back.
const config = $('Config').first().json;
const out = [];
for (const [index, item] of $input.all().entries()) {
  const contact = contactOf(item.json);
  const text = (key) => (contact[key] === null || contact[key] === undefined ? '' : String(contact[key]).trim());
  const tags = (Array.isArray(contact.tags) ? contact.tags : String(contact.tags || '').split(','))
    .map((tag) => String(tag).trim().toLowerCase()).filter(Boolean);
  const requiredTag = String(config.onlyContactsTagged || '').trim().toLowerCase();
  let reason = '';
  if (tags.some((tag) => tag.startsWith('leadcars-id-'))) reason = 'already sent to LeadCars';
  else if (text('source').toLowerCase() === 'leadcars') reason = 'came from LeadCars';
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
  out.push({ json: { ghlContactId: text('id'), lead, send: !reason, skipReason: reason }, pairedItem: { item: index } });
}
return out;
`;

export const ghlContactToLeadCars: TemplateSpec = {
	id: ID,
	file: 'ghl-contact-to-leadcars',
	name: 'HighLevel contact → LeadCars lead (for the dealer)',
	description:
		'When a HighLevel contact is created (or its tags change), it is sent to LeadCars as a new lead for your dealership (POST /leads with your concesionario, sede, lead type and campaign). The LeadCars lead id comes back as the contact tag "leadcars-id-N" plus a note, which also stops it being sent twice and lets the "LeadCars leads → HighLevel" template refresh it. "Execute workflow" sends a sample ContactCreate (the sandbox\'s contact Grace Hopper); "Run it now" sends the 2 newest GHL contacts.',
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
		code('Map contact to LeadCars lead', [660, 100], MAP),
		ifTrue('Send to LeadCars?', [880, 100], '$json.send', ID),
		noOp('Skip (see skipReason)', [1100, 260]),
		http('LeadCars: create lead', [1100, 40], {
			method: 'POST',
			url: "={{ $('Config').first().json.leadCarsApiUrl }}/leads",
			credential: 'leadCarsApi',
			jsonBody: 'JSON.stringify($json.lead)',
			batchIntervalMs: 300,
		}),
		code('LeadCars lead id', [1320, 40], `
// The create answer is not documented; {"success":true,"data":{"id":N}} and {"id":N} are both read.
return $input.all().map((item, index) => {
  const body = item.json;
  const id = (body.data && body.data.id) || body.id || (body.lead && body.lead.id);
  if (!id) throw new Error('LeadCars did not return a lead id: ' + JSON.stringify(body));
  return {
    json: { ghlContactId: $('Map contact to LeadCars lead').itemMatching(index).json.ghlContactId, leadCarsId: String(id) },
    pairedItem: { item: index },
  };
});
`),
		ghl('Tag contact with the LeadCars id', [1540, 40], 'tag', 'add', {
			contactId: contactById('$json.ghlContactId'),
			tags: "={{ 'leadcars, leadcars-id-' + $json.leadCarsId }}",
		}),
		ghl('Add note: sent to LeadCars', [1760, 40], 'note', 'create', {
			contactId: contactById('$json.contactId'),
			body: "={{ 'Sent to LeadCars as lead #' + $('LeadCars lead id').item.json.leadCarsId + ' (concesionario ' + $('Config').first().json.concesionario + ', sede ' + $('Config').first().json.sede + ', campaña ' + $('Config').first().json.campana + ').' }}",
			additionalFields: {},
		}),
	],
	editorSample: [ghlContactEventSample('ContactCreate', 'grace.hopper@example.com', { webhookId: 'b1c4a3e0-5d6f-4a71-9c2e-0f5e7a1d2c02', fetchFullRecord: true })],
	links: [
		['GHL contact created or tagged', 'Config'],
		['Run it now', 'Newest GHL contacts (demo)'],
		['Newest GHL contacts (demo)', 'Config'],
		['Config', 'Map contact to LeadCars lead'],
		['Map contact to LeadCars lead', 'Send to LeadCars?'],
		['Send to LeadCars?', 'LeadCars: create lead', 0],
		['Send to LeadCars?', 'Skip (see skipReason)', 1],
		['LeadCars: create lead', 'LeadCars lead id'],
		['LeadCars lead id', 'Tag contact with the LeadCars id'],
		['Tag contact with the LeadCars id', 'Add note: sent to LeadCars'],
	],
};
