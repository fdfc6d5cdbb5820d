import { code, config, contactById, ghl, ifTrue, manualTrigger, noOp, webhook, upsertContact, fromJson, type TemplateSpec } from './lib';
import { COUNTRY_CODE, PAYLOADS_OF, PHONE_E164, SLUG } from './snippets';
import sample from '../../sandbox/partners/payloads/leadsquared-lead-created.json';

const ID = 'lsqLeadToGhl0001';

const MAP = `${PAYLOADS_OF}${PHONE_E164}${COUNTRY_CODE}${SLUG}
// One GHL contact (and note) per LeadSquared lead. LeadSquared may post one lead or a batch.
const config = $('Config').first().json;
const out = [];
for (const [index, item] of $input.all().entries()) {
  for (const lead of payloadsOf(item.json)) {
    const value = (key) => (lead[key] === null || lead[key] === undefined ? '' : String(lead[key]).trim());
    const stage = value('ProspectStage');
    const tags = String(config.tags || '').split(',').map((t) => t.trim()).filter(Boolean);
    if (stage) tags.push('lsq-stage-' + slug(stage));
    const street = [value('mx_Street1'), value('mx_Street2')].filter(Boolean).join(', ');
    const dob = value('mx_DOB').slice(0, 10);
    const noteLines = [
      'LeadSquared lead ' + value('ProspectID') + (value('ProspectAutoId') ? ' (#' + value('ProspectAutoId') + ')' : ''),
      'Stage: ' + (stage || '-'),
      'Source: ' + [value('Source'), value('SourceMedium'), value('SourceCampaign')].filter(Boolean).join(' / '),
      'Score: ' + (value('Score') || '0') + ', engagement score: ' + (value('EngagementScore') || '0'),
      'Owner ID: ' + (value('OwnerId') || '-'),
      'Do not email: ' + (value('DoNotEmail') === '1' ? 'yes' : 'no') + ', do not call: ' + (value('DoNotCall') === '1' ? 'yes' : 'no'),
      'Modified in LeadSquared: ' + (value('ModifiedOn') || value('CreatedOn') || '-') + ' UTC',
    ];
    out.push({
      json: {
        prospectId: value('ProspectID'),
        email: value('EmailAddress').toLowerCase(),
        phone: phoneE164(value('Phone') || value('Mobile'), config.defaultCountryCode),
        firstName: value('FirstName'),
        lastName: value('LastName'),
        companyName: value('Company'),
        website: value('Website'),
        address1: street,
        city: value('mx_City'),
        state: value('mx_State'),
        postalCode: value('mx_Zip'),
        country: countryCode(value('mx_Country')),
        dateOfBirth: /^\\d{4}-\\d{2}-\\d{2}$/.test(dob) ? dob : '',
        source: config.ghlSource || value('Source'),
        tags: tags.join(', '),
        noteBody: noteLines.join('\\n'),
      },
      pairedItem: { item: index },
    });
  }
}
return out;
`;

const DEMO = `
// The "Lead Creation" payload LeadSquared posts (partner-payloads/leadsquared-lead-created.json),
// shaped like the Webhook node's output so the rest of the workflow cannot tell the difference.
return [{ json: { headers: {}, query: {}, body: ${JSON.stringify(sample, null, 2).replace(/\n/g, '\n  ')} } }];
`;

export const lsqLeadToGhl: TemplateSpec = {
	id: ID,
	file: 'leadsquared-lead-to-ghl-contact',
	name: 'LeadSquared lead → HighLevel contact + note',
	description:
		'LeadSquared posts a webhook when a lead is created or updated. The lead becomes a HighLevel contact (create or update, matched by email, then phone) and gets a note with its LeadSquared id, stage, source and score. Click "Execute workflow" to run it on a sample lead.',
	nodes: [
		webhook('LeadSquared lead webhook', [0, 0], {
			path: 'leadsquared/lead',
			auth: 'headerAuth',
			credential: 'lsqWebhook',
			responseBody: '{"Status":"Success","StatusReason":""}',
			responseContentType: 'application/json',
		}),
		manualTrigger('Try it with a sample lead', [0, 220]),
		code('Sample LeadSquared lead (demo data)', [220, 220], DEMO),
		config('Config', [440, 100], [
			{ name: 'tags', value: 'leadsquared' },
			{ name: 'ghlSource', value: 'LeadSquared' },
			{ name: 'defaultCountryCode', value: '91' },
		], ID),
		code('Map LeadSquared lead to GHL', [660, 100], MAP),
		ifTrue('Has email or phone?', [880, 100], '!!($json.email || $json.phone)', ID),
		noOp('Skip: nothing to match on', [1100, 260]),
		upsertContact('Create or update GHL contact', [1100, 40], {
			...fromJson(
				'firstName', 'lastName', 'companyName', 'website', 'address1', 'city', 'state',
				'postalCode', 'country', 'dateOfBirth', 'source', 'tags',
			),
		}),
		ghl('Add note with the LeadSquared details', [1320, 40], 'note', 'create', {
			contactId: contactById('$json.id'),
			body: "={{ $('Map LeadSquared lead to GHL').item.json.noteBody }}",
			additionalFields: {},
		}),
	],
	links: [
		['LeadSquared lead webhook', 'Config'],
		['Try it with a sample lead', 'Sample LeadSquared lead (demo data)'],
		['Sample LeadSquared lead (demo data)', 'Config'],
		['Config', 'Map LeadSquared lead to GHL'],
		['Map LeadSquared lead to GHL', 'Has email or phone?'],
		['Has email or phone?', 'Create or update GHL contact', 0],
		['Has email or phone?', 'Skip: nothing to match on', 1],
		['Create or update GHL contact', 'Add note with the LeadSquared details'],
	],
};
