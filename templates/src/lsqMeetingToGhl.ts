import { config, contactById, ghl, http, ifTrue, PARTNERS, type TemplateSpec } from './lib';
import { lsqTaskReads, lsqToGhlMatched, TASK_READ_HELPERS, TASK_SAMPLE } from './lsqTaskReads';
import { seededCalendarId, webhookSample } from './samples';
import { ISO_FROM_UTC, PHONE_E164 } from './snippets';
import { errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, LEDGER, recordDone } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'lsqMeetingToGhl1';
const PLAN = 'Plan: map, validate, skip synced';
const WANTED = 'GHL appointment wanted';
const EXISTING = 'GHL appointments of the contact';
const MATCH = 'Match the GHL appointment';

/** Priya's seeded site visit (a meeting) as LeadSquared's task webhook would post it. */
const MEETING_SAMPLE = {
	...TASK_SAMPLE,
	UserTaskId: 'd41e7b20-6a3c-4f15-8b2e-5c9a0e1f7d02',
	Name: 'Site visit with Priya',
	Description: 'Show the Whitefield branch',
	TaskType: 'Meeting',
	Category: 'Appointment',
	DueDate: '2030-02-01 05:30:00',
	EndDate: '2030-02-01 06:30:00',
};

const PLAN_CODE = `${TASK_READ_HELPERS}${PHONE_E164}${ISO_FROM_UTC}${LEDGER}
// One GHL appointment per LeadSquared meeting (task types in meetingTypes, or of the Appointment
// category) on the chosen calendar: same title, start and end; cancelled when the meeting is
// (StatusCode 2). The appointment is the one named in the description's [sync:ghl-appointment:<id>]
// (booked in HighLevel, or linked after this template created it), else a new one.
const config = $('Config').first().json;
const meetingTypes = String(config.meetingTypes || '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
const minutes = Number(config.defaultMinutes) || 30;
const out = [];
for (const [index, item] of $input.all().entries()) {
  const lead = leadOf(index);
  const value = (key) => (lead[key] === null || lead[key] === undefined ? '' : String(lead[key]).trim());
  for (const task of tasksOf(item)) {
    const type = String((task.TaskType && task.TaskType.Name) || task.TaskType || '').trim();
    if (task.Category !== 'Appointment' && !meetingTypes.includes(type.toLowerCase())) continue;
    const taskId = taskIdOf(task);
    const description = String(task.Description || '');
    const linked = /\\[sync:ghl-appointment:([^\\]\\s]+)\\]/.exec(description);
    const start = isoFromUtc(task.DueDate);
    const end = isoFromUtc(task.EndDate) || (start ? new Date(Date.parse(start) + minutes * 60000).toISOString() : '');
    const tags = String(config.tags || '').split(',').map((t) => t.trim()).filter(Boolean);
    if (value('ProspectID')) tags.push('lsq:' + value('ProspectID').toLowerCase());
    const contact = {
      email: value('EmailAddress').toLowerCase(),
      phone: phoneE164(value('Phone') || value('Mobile'), config.defaultCountryCode),
      firstName: value('FirstName'),
      lastName: value('LastName'),
      tags: tags.join(', '),
    };
    const marker = '[sync:lsq-meeting:' + taskId + ']';
    const wanted = {
      title: String(task.Name || 'LeadSquared meeting'),
      startTime: start,
      endTime: end,
      cancelled: Number(task.StatusCode) === 2,
      description: [description.replace(/\\[sync:[^\\]]*\\]/g, '').trim(), 'LeadSquared meeting ' + taskId + (task.OwnerEmailAddress ? ', owner ' + task.OwnerEmailAddress : ''), marker].filter(Boolean).join('\\n'),
    };
    const syncKey = 'lsq-meeting:' + taskId;
    const hash = syncHash(Object.assign({}, contact, wanted, { linked: linked ? linked[1] : '' }));
    if (taskId && alreadySynced(syncKey, hash)) continue;
    let invalidReason = '';
    if (!taskId) invalidReason = 'the meeting has no UserTaskId';
    else if (!contact.email && !contact.phone) invalidReason = 'the lead has no email or phone to match on';
    else if (contact.email && !/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(contact.email)) invalidReason = 'invalid email ' + contact.email.slice(0, 80);
    else if (!start) invalidReason = 'no valid DueDate';
    else if (Date.parse(end) <= Date.parse(start)) invalidReason = 'EndDate is not after DueDate';
    out.push({
      json: Object.assign({ syncKey, syncHash: hash, valid: !invalidReason, invalidReason, marker, lsqTaskId: taskId, lsqDescription: description, ghlAppointmentId: linked ? linked[1] : '' }, contact, { wanted }),
      pairedItem: { item: index },
    });
  }
}
return out;
`;

// Found by the linked id; else, for a meeting never linked, one with the same title and start
// (created by an earlier run whose link-back failed). create / update / none. A linked appointment
// that is gone was deleted in HighLevel: nothing is booked again.
const MATCH_EACH = `  const ms = (value) => Date.parse(String(value || ''));
  const want = plan.wanted;
  const found = plan.ghlAppointmentId
    ? existing.find((a) => a.id === plan.ghlAppointmentId)
    : existing.find((a) => a.title === want.title && ms(a.startTime) === ms(want.startTime));
  let action = 'none';
  let status = '';
  if (!found) action = plan.ghlAppointmentId || want.cancelled ? 'none' : 'create';
  else {
    const current = String(found.appointmentStatus || '');
    status = want.cancelled ? 'cancelled' : (current === 'cancelled' ? 'confirmed' : current);
    const differs = found.title !== want.title || ms(found.startTime) !== ms(want.startTime) || ms(found.endTime) !== ms(want.endTime) || status !== current;
    if (differs) action = 'update';
  }
  const decided = { ghlAppointmentId: found ? found.id : plan.ghlAppointmentId, linkBack: !!found && !plan.ghlAppointmentId, action, status };`;

const LSQ = (path: string) => `={{ $('Config').first().json.lsqHost }}/v2/${path}`;
const LINK_BODY = `JSON.stringify({ UserTaskId: $('${MATCH}').item.json.lsqTaskId, Description: ($('${MATCH}').item.json.lsqDescription ? $('${MATCH}').item.json.lsqDescription + '\\n' : '') + '[sync:ghl-appointment:' + ($json.id || $('${MATCH}').item.json.ghlAppointmentId) + ']' })`;

const cfg = config('Config', [440, 100], [
	{ name: 'lsqHost', value: `${PARTNERS}/leadsquared` },
	{ name: 'calendarId', value: seededCalendarId('Onboarding Session') },
	{ name: 'repUserId', value: '' },
	{ name: 'meetingTypes', value: 'Meeting' },
	{ name: 'defaultMinutes', value: 30 },
	{ name: 'tags', value: 'leadsquared' },
	{ name: 'ghlSource', value: 'LeadSquared' },
	{ name: 'defaultCountryCode', value: '91' },
	{ name: 'catchUpHours', value: 24 },
], ID);

const reads = lsqTaskReads({ templateId: ID, sample: MEETING_SAMPLE, webhookPath: 'leadsquared/meeting', config: cfg, demoLabel: 'meeting event' });
const [x, y] = reads.readsEndAt;

const matched = lsqToGhlMatched({
	templateId: ID,
	at: [x, y],
	plan: { name: PLAN, code: PLAN_CODE },
	names: { wanted: WANTED, existing: EXISTING, match: MATCH },
	resource: 'appointment',
	matchIntro: `
// The contact's appointments (one output item per appointment, paired with its wanted item; an
// empty item when it has none), matched to the meeting.`,
	matchEach: MATCH_EACH,
});

export const lsqMeetingToGhl: TemplateSpec = {
	id: ID,
	file: 'leadsquared-meeting-to-ghl-appointment',
	partnerPrivilege: PARTNER_PRIVILEGE.leadSquared,
	name: 'LeadSquared meeting → HighLevel appointment (reschedule and cancel included)',
	description:
		'LeadSquared posts a webhook when a task is created, updated or completed; the template reads the lead and its tasks (RetrieveTaskByLeadId), finds or creates the HighLevel contact by email or phone, and mirrors each meeting as an appointment on the chosen calendar: booked once (with GHL\'s own notifications on, so the rep assigned to it gets the calendar\'s reminders), moved or renamed when the meeting is, cancelled when it is cancelled. The new appointment\'s id is written back into the meeting\'s description, so later changes find it, and the HighLevel → LeadSquared appointment template updates the same meeting instead of creating one. A catch-up re-reads the leads of the last day. Failures end in "Failed items". Click "Execute workflow" to run it on a sample meeting event.',
	nodes: [
		...reads.nodes,
		...matched.nodes,
		ifTrue('GHL appointment missing?', [x + 1320, y], "$json.action === 'create'", ID),
		errorOutput(
			ghl('Book the GHL appointment', [x + 1540, y - 160], 'appointment', 'create', {
				calendarId: "={{ $('Config').first().json.calendarId }}",
				contactId: contactById('$json.contactId'),
				startTime: '={{ $json.wanted.startTime }}',
				additionalFields: {
					endTime: '={{ $json.wanted.endTime }}',
					title: '={{ $json.wanted.title }}',
					description: '={{ $json.wanted.description }}',
					appointmentStatus: 'confirmed',
					assignedUserId: "={{ $('Config').first().json.repUserId }}",
					toNotify: true,
					ignoreFreeSlotValidation: true,
				},
			}),
		),
		ifTrue('Link missing?', [x + 1320, y + 200], '$json.linkBack', ID),
		errorOutput(
			http('LeadSquared: link the meeting', [x + 1760, y - 160], {
				method: 'POST',
				url: LSQ('Task.svc/Update'),
				credential: 'lsqApi',
				jsonBody: LINK_BODY,
				batchIntervalMs: 500,
			}),
		),
		ifTrue('GHL appointment changed?', [x + 1540, y + 200], "$json.action === 'update'", ID),
		errorOutput(
			ghl('Move, rename or cancel the GHL appointment', [x + 1760, y + 160], 'appointment', 'update', {
				eventId: '={{ $json.ghlAppointmentId }}',
				updateFields: {
					startTime: '={{ $json.wanted.startTime }}',
					endTime: '={{ $json.wanted.endTime }}',
					title: '={{ $json.wanted.title }}',
					appointmentStatus: '={{ $json.status }}',
					toNotify: true,
					ignoreFreeSlotValidation: true,
				},
			}),
		),
		recordDone('Record as synced', [x + 1980, y], MATCH),
		failedItems([x + 1980, y + 400], PLAN, [MATCH, WANTED, 'Leads to read']),
	],
	editorSample: [webhookSample(MEETING_SAMPLE)],
	links: [
		...reads.links,
		...matched.links,
		[MATCH, 'GHL appointment missing?'],
		['GHL appointment missing?', 'Book the GHL appointment', 0],
		['GHL appointment missing?', 'Link missing?', 1],
		['Book the GHL appointment', 'LeadSquared: link the meeting', 0],
		['Book the GHL appointment', FAILED_ITEMS, 1],
		['Link missing?', 'LeadSquared: link the meeting', 0],
		['Link missing?', 'GHL appointment changed?', 1],
		['LeadSquared: link the meeting', 'Record as synced', 0],
		['LeadSquared: link the meeting', FAILED_ITEMS, 1],
		['GHL appointment changed?', 'Move, rename or cancel the GHL appointment', 0],
		['GHL appointment changed?', 'Record as synced', 1],
		['Move, rename or cancel the GHL appointment', 'Record as synced', 0],
		['Move, rename or cancel the GHL appointment', FAILED_ITEMS, 1],
	],
	stickies: [failedItemsSticky([x + 1980, y + 600])],
};
