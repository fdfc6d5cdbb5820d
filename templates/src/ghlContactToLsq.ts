import { code, config, contactById, ghl, ghlContactTriggers, http, ifTrue, PARTNERS, type TemplateSpec } from './lib';
import { ghlContactEventSample } from './samples';
import { CONTACT_OF, COUNTRY_CODE } from './snippets';
import { errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, LEDGER, recordDone } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'ghlContactToLsq1';
const PLAN = 'Plan: map, validate, skip synced';
const COMPARE = 'Compare with the lead';

const PLAN_CODE = `${CONTACT_OF}${LEDGER}
// GHL contact → LeadSquared attributes ([{Attribute, Value}]). The lead is the one tagged on the
// contact (lsq:<ProspectID>, kept by both LeadSquared templates), else the one with the email
// (else phone). mx_GHL_Contact_Id is a custom lead field you create; clear ghlIdField if you do not.
const config = $('Config').first().json;
const out = [];
for (const [index, item] of $input.all().entries()) {
  const contact = contactOf(item.json);
  const text = (key) => (contact[key] === null || contact[key] === undefined ? '' : String(contact[key]).trim());
  const attributes = [];
  const add = (attribute, value) => { if (value) attributes.push({ Attribute: attribute, Value: value }); };
  add('EmailAddress', text('email').toLowerCase());
  add('FirstName', text('firstName'));
  add('LastName', text('lastName'));
  add('Phone', text('phone'));
  add('Company', text('companyName'));
  add('Website', text('website'));
  add('mx_Street1', text('address1'));
  add('mx_City', text('city'));
  add('mx_State', text('state'));
  add('mx_Zip', text('postalCode'));
  add('mx_Country', text('country'));
  if (/^\\d{4}-\\d{2}-\\d{2}/.test(text('dateOfBirth'))) add('mx_DOB', text('dateOfBirth').slice(0, 10) + ' 00:00:00');
  if (config.ghlIdField) add(config.ghlIdField, text('id'));
  const tags = (Array.isArray(contact.tags) ? contact.tags : String(contact.tags || '').split(',')).map((tag) => String(tag).trim().toLowerCase());
  const leadTag = tags.find((tag) => tag.startsWith('lsq:'));
  const leadId = leadTag ? leadTag.slice(4) : '';
  const syncKey = 'ghl-contact:' + text('id');
  const hash = syncHash(attributes);
  if (text('id') && alreadySynced(syncKey, hash)) continue;
  let invalidReason = '';
  if (!text('id')) invalidReason = 'no contact id';
  else if (!text('email') && !text('phone')) invalidReason = 'no email or phone to match on';
  else if (text('email') && !/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(text('email'))) invalidReason = 'invalid email ' + text('email').slice(0, 80);
  const lookupPath = leadId
    ? 'Leads.GetById?id=' + encodeURIComponent(leadId)
    : text('email')
      ? 'Leads.GetByEmailaddress?emailaddress=' + encodeURIComponent(text('email').toLowerCase())
      : 'RetrieveLeadByPhoneNumber?phone=' + encodeURIComponent(text('phone'));
  out.push({
    json: {
      syncKey, syncHash: hash, valid: !invalidReason, invalidReason, ghlContactId: text('id'), email: text('email'), attributes, lookupPath,
      // Written only when the lead is created: an existing lead keeps its own source.
      createOnly: [{ Attribute: 'Source', Value: config.leadSource }, { Attribute: 'SearchBy', Value: text('email') ? 'EmailAddress' : 'Phone' }],
    },
    pairedItem: { item: index },
  });
}
return out;
`;

const COMPARE_CODE = `${COUNTRY_CODE}
// Each contact against its lead as LeadSquared has it now: only attributes that differ are sent
// (Lead.Update, which fires no LeadSquared webhook). Nothing differs: the change came from the
// LeadSquared → HighLevel template (an echo), or was written already: nothing to write.
const digits = (value) => String(value || '').replace(/\\D/g, '');
const text = (value) => String(value === null || value === undefined ? '' : value).trim();
return $input.all().map((item, index) => {
  const plan = $('${PLAN}').itemMatching(index).json;
  const body = item.json.body;
  const lead = Array.isArray(body) ? body[0] : null;
  if (!lead) return { json: Object.assign({}, plan, { action: 'create', leadId: '', changes: [] }), pairedItem: { item: index } };
  const current = (attribute) => attribute === 'mx_Street1'
    ? [text(lead.mx_Street1), text(lead.mx_Street2)].filter(Boolean).join(', ')
    : text(lead[attribute]);
  const same = (attribute, wanted) => {
    const now = current(attribute);
    if (attribute === 'EmailAddress') return wanted.toLowerCase() === now.toLowerCase();
    if (attribute === 'Phone') return digits(wanted) === digits(now);
    if (attribute === 'mx_Country') return (countryCode(wanted) || wanted) === (countryCode(now) || now);
    if (attribute === 'mx_DOB') return wanted.slice(0, 10) === now.slice(0, 10);
    return wanted === now;
  };
  const changes = plan.attributes.filter((pair) => !same(pair.Attribute, text(pair.Value)));
  return {
    json: Object.assign({}, plan, { action: changes.length ? 'update' : 'none', leadId: lead.ProspectID, changes }),
    pairedItem: { item: index },
  };
});
`;

const LSQ = (path: string) => `={{ $('Config').first().json.lsqHost }}/v2/LeadManagement.svc/${path}`;

const triggers = ghlContactTriggers({ trigger: 'GHL contact created or updated', events: ['ContactCreate', 'ContactUpdate'], catchUp: 'Catch-up: contacts changed in GHL', demoLimit: 3 });

export const ghlContactToLsq: TemplateSpec = {
	id: ID,
	file: 'ghl-contact-to-leadsquared',
	partnerPrivilege: PARTNER_PRIVILEGE.leadSquaredApi,
	name: 'HighLevel contact → LeadSquared lead',
	description:
		'When a HighLevel contact is created or updated (signed GHL webhook; a polling trigger catches up with what was missed), its LeadSquared lead is found (by the lsq:<ProspectID> tag, else email, else phone) and only the attributes that differ are written with Lead.Update; a contact without a lead becomes one (Lead.Capture) and gets the tag lsq:<ProspectID>. A change that came from the LeadSquared → HighLevel template finds nothing different and writes nothing, so the pair does not echo. Failures end in "Failed items" and are written by a later run; set Settings › Error Workflow for runs that fail as a whole. "Execute workflow" sends a sample ContactCreate (the sandbox\'s contact Ada Lovelace); "Run it now" pushes the 3 newest GHL contacts.',
	nodes: [
		...triggers.nodes,
		config('Config', [440, 100], [
			{ name: 'lsqHost', value: `${PARTNERS}/leadsquared` },
			{ name: 'leadSource', value: 'HighLevel' },
			{ name: 'ghlIdField', value: 'mx_GHL_Contact_Id' },
		], ID),
		code(PLAN, [660, 100], PLAN_CODE),
		ifTrue('Valid?', [880, 100], '$json.valid', ID),
		errorOutput(
			http('LeadSquared: find the lead', [1100, 100], {
				method: 'GET',
				url: LSQ('{{ $json.lookupPath }}'),
				credential: 'lsqApi',
				fullResponse: true,
				batchIntervalMs: 500,
			}),
		),
		code(COMPARE, [1320, 100], COMPARE_CODE),
		ifTrue('Anything to write?', [1540, 100], "$json.action !== 'none'", ID),
		ifTrue('Lead exists?', [1760, 0], "$json.action === 'update'", ID),
		errorOutput(
			http('LeadSquared Lead.Update', [1980, -100], {
				method: 'POST',
				url: LSQ('Lead.Update?leadId={{ $json.leadId }}'),
				credential: 'lsqApi',
				jsonBody: 'JSON.stringify($json.changes)',
				batchIntervalMs: 500,
			}),
		),
		errorOutput(
			http('LeadSquared Lead.Capture (new lead)', [1980, 100], {
				method: 'POST',
				url: LSQ('Lead.Capture'),
				credential: 'lsqApi',
				jsonBody: 'JSON.stringify($json.attributes.concat($json.createOnly))',
				batchIntervalMs: 500,
			}),
		),
		errorOutput(
			ghl('Keep the lead id on the contact', [2200, 100], 'tag', 'add', {
				contactId: contactById(`$('${COMPARE}').item.json.ghlContactId`),
				tags: "={{ 'lsq:' + String($json.Message.Id).toLowerCase() }}",
			}),
		),
		recordDone('Record as synced', [2420, 0], COMPARE),
		failedItems([2420, 400], PLAN, [COMPARE]),
	],
	editorSample: [ghlContactEventSample('ContactCreate', 'ada.lovelace@example.com', { webhookId: 'b1c4a3e0-5d6f-4a71-9c2e-0f5e7a1d2c01', fetchFullRecord: true })],
	links: [
		...triggers.links,
		['Config', PLAN],
		[PLAN, 'Valid?'],
		['Valid?', 'LeadSquared: find the lead', 0],
		['Valid?', FAILED_ITEMS, 1],
		['LeadSquared: find the lead', COMPARE, 0],
		['LeadSquared: find the lead', FAILED_ITEMS, 1],
		[COMPARE, 'Anything to write?'],
		['Anything to write?', 'Lead exists?', 0],
		['Anything to write?', 'Record as synced', 1],
		['Lead exists?', 'LeadSquared Lead.Update', 0],
		['Lead exists?', 'LeadSquared Lead.Capture (new lead)', 1],
		['LeadSquared Lead.Update', 'Record as synced', 0],
		['LeadSquared Lead.Update', FAILED_ITEMS, 1],
		['LeadSquared Lead.Capture (new lead)', 'Keep the lead id on the contact', 0],
		['LeadSquared Lead.Capture (new lead)', FAILED_ITEMS, 1],
		['Keep the lead id on the contact', 'Record as synced', 0],
		['Keep the lead id on the contact', FAILED_ITEMS, 1],
	],
	stickies: [failedItemsSticky([2420, 600])],
};
