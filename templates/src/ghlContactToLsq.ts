import { code, config, ghl, ghlTrigger, http, ifTrue, manualTrigger, noOp, PARTNERS, type TemplateSpec } from './lib';
import { CONTACT_OF } from './snippets';

const ID = 'ghlContactToLsq1';

const MAP = `${CONTACT_OF}
// GHL contact → LeadSquared Lead.Capture body ([{Attribute, Value}], matched by email, else phone).
// mx_GHL_Contact_Id is a custom lead field you create in LeadSquared; remove the line if you do not.
const config = $('Config').first().json;
const skipSources = String(config.skipSources || '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
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
  add('Source', config.leadSource);
  if (config.ghlIdField) add(config.ghlIdField, text('id'));
  add('SearchBy', text('email') ? 'EmailAddress' : 'Phone');
  const fromPartner = skipSources.includes(text('source').toLowerCase());
  const reason = fromPartner ? 'came from ' + text('source') : !text('email') && !text('phone') ? 'no email or phone' : '';
  out.push({
    json: { ghlContactId: text('id'), email: text('email'), attributes, send: !reason, skipReason: reason },
    pairedItem: { item: index },
  });
}
return out;
`;

export const ghlContactToLsq: TemplateSpec = {
	id: ID,
	file: 'ghl-contact-to-leadsquared',
	name: 'HighLevel contact → LeadSquared lead (Lead.Capture)',
	description:
		'When a HighLevel contact is created or updated (signed GHL webhook), the contact is captured in LeadSquared with Lead.Capture: matched by email (else phone), created or updated, and the GHL contact id is written to the lead field mx_GHL_Contact_Id. Contacts whose source is LeadSquared are skipped, so the LeadSquared → HighLevel template does not echo back. Click "Execute workflow" to push the 3 newest GHL contacts.',
	nodes: [
		ghlTrigger('GHL contact created or updated', [0, 0], {
			events: ['ContactCreate', 'ContactUpdate'],
			verification: 'ghlSignature',
			locationIds: '',
			fetchFullRecord: true,
			authentication: 'privateIntegration',
			options: {},
		}),
		manualTrigger('Run it now', [0, 220]),
		ghl('Newest GHL contacts (demo)', [220, 220], 'contact', 'getAll', {
			returnAll: false,
			limit: 3,
			sortUi: { rule: [{ field: 'dateAdded', direction: 'desc' }] },
		}),
		config('Config', [440, 100], [
			{ name: 'lsqHost', value: `${PARTNERS}/leadsquared` },
			{ name: 'leadSource', value: 'HighLevel' },
			{ name: 'ghlIdField', value: 'mx_GHL_Contact_Id' },
			{ name: 'skipSources', value: 'LeadSquared' },
		], ID),
		code('Map contact to LeadSquared lead', [660, 100], MAP),
		ifTrue('Send to LeadSquared?', [880, 100], '$json.send', ID),
		noOp('Skip (see skipReason)', [1100, 260]),
		http('LeadSquared Lead.Capture', [1100, 40], {
			method: 'POST',
			url: "={{ $('Config').first().json.lsqHost }}/v2/LeadManagement.svc/Lead.Capture",
			credential: 'lsqApi',
			jsonBody: 'JSON.stringify($json.attributes)',
			batchIntervalMs: 500,
		}),
		code('LeadSquared lead id', [1320, 40], `
// Lead.Capture answers {"Status":"Success","Message":{"Id": "<ProspectID>", ...}}.
return $input.all().map((item, index) => ({
  json: {
    ghlContactId: $('Map contact to LeadSquared lead').itemMatching(index).json.ghlContactId,
    prospectId: item.json.Message && item.json.Message.Id,
    created: item.json.Message ? item.json.Message.IsCreated === true : undefined,
    status: item.json.Status,
  },
  pairedItem: { item: index },
}));
`),
	],
	links: [
		['GHL contact created or updated', 'Config'],
		['Run it now', 'Newest GHL contacts (demo)'],
		['Newest GHL contacts (demo)', 'Config'],
		['Config', 'Map contact to LeadSquared lead'],
		['Map contact to LeadSquared lead', 'Send to LeadSquared?'],
		['Send to LeadSquared?', 'LeadSquared Lead.Capture', 0],
		['Send to LeadSquared?', 'Skip (see skipReason)', 1],
		['LeadSquared Lead.Capture', 'LeadSquared lead id'],
	],
};
