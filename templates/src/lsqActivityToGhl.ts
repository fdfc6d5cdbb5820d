import { code, config, contactById, ghl, ifTrue, manualTrigger, noOp, webhook, upsertContact, fromJson, type TemplateSpec } from './lib';
import { webhookSample } from './samples';
import { ISO_FROM_UTC, PAYLOADS_OF, PHONE_E164 } from './snippets';
import sample from '../../sandbox/partners/payloads/leadsquared-lead-activity-created.json';

const ID = 'lsqActivityTask1';

const MAP = `${PAYLOADS_OF}${PHONE_E164}${ISO_FROM_UTC}
// One GHL task + note per LeadSquared activity. Activities may arrive batched (an array).
const config = $('Config').first().json;
const dueHours = Number(config.taskDueInHours) || 24;
const out = [];
for (const [index, item] of $input.all().entries()) {
  for (const activity of payloadsOf(item.json)) {
    const value = (key) => (activity[key] === null || activity[key] === undefined ? '' : String(activity[key]).trim());
    const name = value('ActivityEventName') || 'Activity ' + value('ActivityEvent');
    const happened = isoFromUtc(value('ActivityDateTime')) || new Date().toISOString();
    // A date in the activity's first custom field (e.g. the visit date) becomes the due date.
    const scheduled = isoFromUtc(value(config.dueDateField || 'mx_Custom_1'));
    const due = scheduled || new Date(Date.parse(happened) + dueHours * 3600 * 1000).toISOString();
    const extra = Object.keys(activity)
      .filter((key) => /^mx_/.test(key) && value(key))
      .map((key) => key + ': ' + value(key));
    const details = [value('ActivityNote'), ...extra].filter(Boolean).join('\\n');
    out.push({
      json: {
        prospectId: value('RelatedProspectId'),
        activityId: value('ProspectActivityId'),
        email: value('EmailAddress').toLowerCase(),
        phone: phoneE164(value('Phone') || value('Mobile'), config.defaultCountryCode),
        firstName: value('FirstName'),
        lastName: value('LastName'),
        taskTitle: 'LeadSquared: ' + name,
        taskBody: details,
        dueDate: due,
        noteBody: 'LeadSquared activity "' + name + '" (code ' + value('ActivityEvent') + ') on ' + happened + '\\n' + details +
          '\\nActivity ' + (value('ProspectActivityId') || '-') + ' of lead ' + (value('RelatedProspectId') || '-'),
      },
      pairedItem: { item: index },
    });
  }
}
return out;
`;

const DEMO = `
// The "Lead Activity Creation" payload (partner-payloads/leadsquared-lead-activity-created.json; its
// embedded lead fields are assumed), shaped like the Webhook node's output.
return [{ json: { headers: {}, query: {}, body: ${JSON.stringify(sample, null, 2).replace(/\n/g, '\n  ')} } }];
`;

export const lsqActivityToGhl: TemplateSpec = {
	id: ID,
	file: 'leadsquared-activity-to-ghl-task',
	name: 'LeadSquared activity → HighLevel task + note',
	description:
		'LeadSquared posts a webhook for each new lead activity (e.g. "Site Visit Scheduled"). The lead is found or created in HighLevel by email or phone, gets a follow-up task (due at the date in the activity, or a day later) and a note with the activity. Click "Execute workflow" to run it on a sample activity.',
	nodes: [
		webhook('LeadSquared activity webhook', [0, 0], {
			path: 'leadsquared/activity',
			auth: 'headerAuth',
			credential: 'lsqWebhook',
			responseBody: '{"Status":"Success","StatusReason":""}',
			responseContentType: 'application/json',
		}),
		manualTrigger('Try it with a sample activity', [0, 220]),
		code('Sample LeadSquared activity (demo data)', [220, 220], DEMO),
		config('Config', [440, 100], [
			{ name: 'taskDueInHours', value: 24 },
			{ name: 'dueDateField', value: 'mx_Custom_1' },
			{ name: 'assignTaskTo', value: '' },
			{ name: 'tags', value: 'leadsquared' },
			{ name: 'defaultCountryCode', value: '91' },
		], ID),
		code('Map activity to GHL task', [660, 100], MAP),
		ifTrue('Has email or phone?', [880, 100], '!!($json.email || $json.phone)', ID),
		noOp('Skip: nothing to match on', [1100, 260]),
		upsertContact('Find or create GHL contact', [1100, 40], {
			...fromJson('firstName', 'lastName'),
			tags: "={{ $('Config').first().json.tags }}",
		}),
		ghl('Create follow-up task', [1320, 40], 'task', 'create', {
			contactId: contactById('$json.id'),
			title: "={{ $('Map activity to GHL task').item.json.taskTitle }}",
			dueDate: "={{ $('Map activity to GHL task').item.json.dueDate }}",
			completed: false,
			additionalFields: {
				body: "={{ $('Map activity to GHL task').item.json.taskBody }}",
				assignedTo: "={{ $('Config').first().json.assignTaskTo }}",
			},
		}),
		ghl('Add note with the activity', [1540, 40], 'note', 'create', {
			contactId: contactById("$('Find or create GHL contact').item.json.id"),
			body: "={{ $('Map activity to GHL task').item.json.noteBody }}",
			additionalFields: {},
		}),
	],
	editorSample: [webhookSample(sample)],
	links: [
		['LeadSquared activity webhook', 'Config'],
		['Try it with a sample activity', 'Sample LeadSquared activity (demo data)'],
		['Sample LeadSquared activity (demo data)', 'Config'],
		['Config', 'Map activity to GHL task'],
		['Map activity to GHL task', 'Has email or phone?'],
		['Has email or phone?', 'Find or create GHL contact', 0],
		['Has email or phone?', 'Skip: nothing to match on', 1],
		['Find or create GHL contact', 'Create follow-up task'],
		['Create follow-up task', 'Add note with the activity'],
	],
};
