import { code, config, http, manualTrigger, PARTNERS, scheduleTrigger, fromJson, type TemplateSpec } from './lib';
import { PHONE_E164, SLUG } from './snippets';
import { contactSync, errorOutput, FAILED_ITEMS, failedItemsSticky, LEDGER } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'leadPopsPollGhl1';

const REQUEST = `
// leadPops filters by day (from_date/to_date, inclusive). The window overlaps earlier runs; the
// "Only leads not seen before" step drops leads an earlier run synced.
const config = $('Config').first().json;
const days = Math.max(1, Number(config.lookbackDays) || 2);
const day = (offset) => new Date(Date.now() - offset * 86400000).toISOString().slice(0, 10);
const funnels = String(config.funnels || '').split(',').map((f) => f.trim()).filter(Boolean);
const body = { from_date: day(days - 1), to_date: day(0), limit: Number(config.limit) || 500 };
if (funnels.length) body.funnel = funnels.join(',');
return [{ json: { requestBody: body } }];
`;

const MAP = `${PHONE_E164}${SLUG}${LEDGER}
// The answer's shape is not public: accept a bare array, {leads: [...]} or {data: [...]}.
// Lead keys (first_name, loan_type, …) are assumed too; see templates/README.md.
const config = $('Config').first().json;
const out = [];
for (const item of $input.all()) {
  const body = item.json;
  const leads = Array.isArray(body) ? body : Array.isArray(body.leads) ? body.leads : Array.isArray(body.data) ? body.data : [body];
  for (const lead of leads) {
    if (!lead || typeof lead !== 'object') continue;
    const value = (key) => (lead[key] === null || lead[key] === undefined ? '' : String(lead[key]).trim());
    const name = [value('first_name'), value('last_name')].filter(Boolean).join(' ') || value('email');
    const funnelName = value('funnel_name') || value('funnel');
    const answers = ['loan_type', 'property_type', 'purchase_price', 'down_payment', 'credit_score', 'first_time_buyer', 'military']
      .filter((key) => value(key))
      .map((key) => key.replace(/_/g, ' ') + ': ' + value(key));
    const tags = String(config.tags || '').split(',').map((t) => t.trim()).filter(Boolean);
    if (funnelName) tags.push('leadpops-' + slug(funnelName));
    if (value('loan_type')) tags.push('loan-' + slug(value('loan_type')));
    const leadKey = value('id') || value('email') + '|' + value('date_created');
    const contact = {
      email: value('email').toLowerCase(),
      phone: phoneE164(value('phone'), config.defaultCountryCode),
      firstName: value('first_name'),
      lastName: value('last_name'),
      postalCode: value('zip_code'),
      state: value('state'),
      country: config.defaultCountry || '',
      tags: tags.join(', '),
    };
    const syncKey = 'leadpops-lead:' + leadKey;
    const hash = syncHash(contact);
    if (alreadySynced(syncKey, hash)) continue;
    let invalidReason = '';
    if (!contact.email && !contact.phone) invalidReason = 'no email or phone to match on';
    else if (contact.email && !/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(contact.email)) invalidReason = 'invalid email ' + contact.email.slice(0, 80);
    const marker = '[sync:leadpops-lead:' + leadKey + ']';
    out.push({
      json: Object.assign({ syncKey, syncHash: hash, valid: !invalidReason, invalidReason, marker }, contact, {
        taskTitle: 'Call new leadPops lead: ' + name + (value('loan_type') ? ' (' + value('loan_type') + ')' : ''),
        taskBody: ['Funnel: ' + funnelName + (value('funnel') ? ' (' + value('funnel') + ')' : ''), 'Submitted: ' + value('date_created'), ...answers, marker].join('\\n'),
        dueDate: new Date(Date.now() + (Number(config.taskDueInHours) || 2) * 3600000).toISOString(),
      }),
    });
  }
}
return out;
`;

const PLAN = 'Map leads to GHL';
const tail = contactSync({
	templateId: ID,
	planNode: PLAN,
	at: [1100, 100],
	contactFields: { ...fromJson('firstName', 'lastName', 'postalCode', 'state', 'country', 'tags') },
	sourceExpression: "'leadPops'",
	auth: 'oauth',
	side: {
		kind: 'task',
		label: 'Call task',
		params: {
			title: '={{ $json.taskTitle }}',
			dueDate: '={{ $json.dueDate }}',
			completed: false,
			additionalFields: { body: '={{ $json.taskBody }}', assignedTo: "={{ $('Config').first().json.assignTaskTo }}" },
		},
	},
});

export const leadPopsPollToGhl: TemplateSpec = {
	id: ID,
	file: 'leadpops-leads-poll-to-ghl',
	partnerPrivilege: PARTNER_PRIVILEGE.leadPops,
	name: 'leadPops leads (polling) → HighLevel contacts + call tasks',
	description:
		'Every 30 minutes, asks leadPops for the funnel leads of the last 2 days, creates or updates each lead as a HighLevel contact (tagged with the funnel and loan type) and creates a "call the new lead" task with the funnel answers. Leads synced by an earlier run are skipped; failures end in "Failed items" and are written by a later run (the window overlaps). Set Settings › Error Workflow to hear about runs that fail as a whole. BETA: leadPops publishes no API reference; its answer format here is assumed, see the README. Uses the OAuth2 HighLevel credential. Click "Execute workflow" to run it once.',
	nodes: [
		scheduleTrigger('Every 30 minutes', [0, 0], { field: 'minutes', every: 30 }),
		manualTrigger('Run it now', [0, 220]),
		config('Config', [220, 100], [
			{ name: 'leadPopsApiUrl', value: `${PARTNERS}/leadpops/api/v1` },
			{ name: 'funnels', value: 'SalCompany.clixwithus.com' },
			{ name: 'lookbackDays', value: 2 },
			{ name: 'limit', value: 500 },
			{ name: 'tags', value: 'leadpops' },
			{ name: 'defaultCountryCode', value: '1' },
			{ name: 'defaultCountry', value: 'US' },
			{ name: 'taskDueInHours', value: 2 },
			{ name: 'assignTaskTo', value: '' },
		], ID),
		code('Request window', [440, 100], REQUEST),
		errorOutput(http('List leadPops leads', [660, 100], {
			method: 'POST',
			url: "={{ $('Config').first().json.leadPopsApiUrl }}/leads",
			credential: 'leadPopsApi',
			jsonBody: 'JSON.stringify($json.requestBody)',
		})),
		code(PLAN, [880, 100], MAP),
		...tail.nodes,
	],
	links: [
		['Every 30 minutes', 'Config'],
		['Run it now', 'Config'],
		['Config', 'Request window'],
		['Request window', 'List leadPops leads'],
		['List leadPops leads', PLAN, 0],
		['List leadPops leads', FAILED_ITEMS, 1],
		[PLAN, 'Valid?'],
		...tail.links,
	],
	stickies: [failedItemsSticky([2640, 400])],
};
