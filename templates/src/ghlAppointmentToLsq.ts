import { code, config, contactByEmail, ghl, ghlPollingTrigger, ghlTrigger, http, ifTrue, manualTrigger, PARTNERS, type TemplateSpec } from './lib';
import { ghlAppointmentEventSample } from './samples';
import { LSQ_LEAD_OF, lsqLeadAndTasks, LSQ_URL } from './lsqLeadWrites';
import { UTC_SQL } from './snippets';
import { errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, LEDGER, recordDone } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';

const ID = 'ghlApptToLsq0001';

const APPOINTMENT = `
// HighLevel Trigger items carry the appointment in payload (fullRecord when fetched); the
// Appointment → Get Many items are the appointments themselves.
return $input.all().map((item, index) => {
  const json = item.json;
  const event = json.event !== undefined && json.payload !== undefined ? String(json.event) : '';
  const appointment = event ? Object.assign({}, json.payload, json.fullRecord || {}) : json;
  const status = appointment.appointmentStatus || appointment.status || '';
  // An appointment the LeadSquared meeting template created names its LeadSquared task.
  const linked = /\\[sync:lsq-meeting:([^\\]\\s]+)\\]/.exec(String(appointment.description || ''));
  return {
    json: {
      syncKey: 'ghl-appointment:' + appointment.id,
      appointmentId: appointment.id,
      contactId: appointment.contactId,
      calendarId: appointment.calendarId,
      title: appointment.title || 'Appointment',
      startTime: appointment.startTime,
      endTime: appointment.endTime,
      status,
      cancelled: event === 'AppointmentDelete' || status === 'cancelled',
      linkedLsqTaskId: linked ? linked[1] : '',
      address: appointment.address || '',
      assignedUserId: appointment.assignedUserId || '',
    },
    pairedItem: { item: index },
  };
});
`;

const MAP = `${UTC_SQL}${LSQ_LEAD_OF}${LEDGER}
// Contact + appointment → LeadSquared: the lead (found or created by email/phone, not updated),
// an appointment task (Task.svc/Create, task type "Meeting") and an activity on the lead timeline.
// Both carry [sync:ghl-appointment:<id>] and are looked up before they are created; the activity
// template skips activities with such a marker, so this one's activity never comes back as a task.
// A rescheduled, renamed or cancelled (or deleted) appointment updates that task (Task.svc/Update);
// a cancelled one that LeadSquared never had creates nothing.
const config = $('Config').first().json;
const out = [];
for (const [index, item] of $input.all().entries()) {
  const contact = item.json;
  const appointment = $('Appointment').itemMatching(index).json;
  const text = (key) => contactText(contact, key);
  const lead = lsqLeadOf(contact, config);
  const start = utcSql(appointment.startTime);
  const end = utcSql(appointment.endTime || appointment.startTime);
  const marker = '[sync:ghl-appointment:' + appointment.appointmentId + ']';
  const description = [
    'Booked in HighLevel (appointment ' + appointment.appointmentId + ', calendar ' + appointment.calendarId + ').',
    appointment.status ? 'Status: ' + appointment.status : '',
    appointment.address ? 'Where: ' + appointment.address : '',
    marker,
  ].filter(Boolean).join('\\n');
  const task = {
    Name: appointment.title,
    Description: description,
    RelatedEntity: 1,
    DueDate: start,
    EndDate: end,
    TaskType: { Name: config.taskType },
  };
  if (config.ownerEmail) task.OwnerEmailAddress = config.ownerEmail;
  const activity = {
    ActivityEvent: Number(config.activityEvent),
    ActivityNote: appointment.title + ' on ' + start + ' UTC (HighLevel appointment ' + appointment.appointmentId + ') ' + marker,
    ActivityDateTime: utcSql(new Date()),
    Fields: [
      { SchemaName: 'mx_Custom_1', Value: start },
      { SchemaName: 'mx_Custom_2', Value: appointment.address || '' },
    ],
  };
  const syncKey = 'ghl-appointment:' + appointment.appointmentId;
  const hash = syncHash({ lead, task, fields: activity.Fields, cancelled: appointment.cancelled });
  if (appointment.appointmentId && alreadySynced(syncKey, hash)) continue;
  let invalidReason = '';
  if (!appointment.appointmentId) invalidReason = 'no appointment id';
  else if (!text('email') && !text('phone')) invalidReason = 'the contact has no email or phone';
  else if (!start) invalidReason = 'no valid start time';
  out.push({
    json: {
      syncKey, syncHash: hash, valid: !invalidReason, invalidReason, marker, lead, task, activity, ghlContactId: text('id'),
      cancelled: appointment.cancelled, linkedLsqTaskId: appointment.linkedLsqTaskId,
      // LeadSquared has the meeting on its timeline already when it came from there, or was cancelled.
      wantActivity: !appointment.cancelled && !appointment.linkedLsqTaskId,
    },
    pairedItem: { item: index },
  });
}
return out;
`;

const PLAN = 'Map to LeadSquared';

/** Code: for each item, whether the lead already has a record (listed in the lookup's body) carrying the marker. */
const markerInList = (listExpression: string, textOf: string) => `
// One lookup answer per item (full response): the records of its lead.
return $input.all().map((item, index) => {
  const plan = $('${PLAN}').itemMatching(index).json;
  const body = item.json.body;
  const records = ${listExpression};
  const exists = records.some((record) => String(${textOf} || '').includes(plan.marker));
  return { json: Object.assign({}, plan, { leadId: $('LeadSquared: find or create lead').itemMatching(index).json.Message.Id, exists }), pairedItem: { item: index } };
});
`;

const APPOINTMENT_MATCH = `
// The lead's tasks (one lookup answer per item): the task the appointment came from, or the one
// carrying its marker. create: none yet (and not cancelled); update: name, times or status differ.
return $input.all().map((item, index) => {
  const plan = $('${PLAN}').itemMatching(index).json;
  const tasks = Array.isArray(item.json.body) ? item.json.body : [];
  const idOf = (task) => String(task.UserTaskId || task.Id || '');
  const found = tasks.find((task) => plan.linkedLsqTaskId && idOf(task) === plan.linkedLsqTaskId)
    || tasks.find((task) => String(task.Description || '').includes(plan.marker));
  let action = 'none';
  let update = null;
  if (!found) action = plan.cancelled ? 'none' : 'create';
  else {
    const current = Number(found.StatusCode) || 0;
    const status = plan.cancelled ? 2 : (current === 2 ? 0 : current);
    const changes = {};
    if (String(found.Name || '') !== plan.task.Name) changes.Name = plan.task.Name;
    if (String(found.DueDate || '') !== plan.task.DueDate) changes.DueDate = plan.task.DueDate;
    if (String(found.EndDate || '') !== plan.task.EndDate) changes.EndDate = plan.task.EndDate;
    if (current !== status) changes.StatusCode = status;
    if (Object.keys(changes).length) {
      action = 'update';
      update = Object.assign({ UserTaskId: idOf(found) }, changes);
    }
  }
  const leadId = $('LeadSquared: find or create lead').itemMatching(index).json.Message.Id;
  return { json: Object.assign({}, plan, { leadId, exists: !!found, action, update }), pairedItem: { item: index } };
});
`;

const leadAndTasks = lsqLeadAndTasks({ templateId: ID, plan: { name: PLAN, code: MAP }, then: 'Appointment there already?' });

export const ghlAppointmentToLsq: TemplateSpec = {
	id: ID,
	file: 'ghl-appointment-to-leadsquared',
	partnerPrivilege: PARTNER_PRIVILEGE.leadSquaredApi,
	name: 'HighLevel appointment → LeadSquared appointment + activity',
	description:
		'When an appointment is booked in HighLevel (signed GHL webhook), its contact is found or created in LeadSquared (Lead.Capture, existing leads left unchanged), the appointment is created there as a "Meeting" task at the same time, and an activity is posted on the lead\'s timeline: both carry the appointment id and are looked up first, so a replayed or caught-up event creates nothing twice (a polling trigger catches up with appointments booked while n8n was down). When it is rescheduled, renamed, cancelled or deleted, that task is updated (Task.svc/Update: times, name, status cancelled); appointments the LeadSquared meeting template created update the meeting they came from. The activity is not turned back into a GHL task by the activity template. Failures end in "Failed items" and are written by a later run; set Settings › Error Workflow for runs that fail as a whole. "Execute workflow" sends a sample AppointmentCreate (the sandbox\'s "Discovery call with Ada"); "Run it now" copies the appointments of that demo contact.',
	nodes: [
		ghlTrigger('GHL appointment booked, changed or deleted', [0, 0], {
			events: ['AppointmentCreate', 'AppointmentUpdate', 'AppointmentDelete'],
			verification: 'ghlSignature',
			locationIds: '',
			fetchFullRecord: true,
			options: {},
		}),
		manualTrigger('Run it now', [0, 220]),
		// After the Manual Trigger: `n8n execute` starts at the first trigger or polling node in this list.
		ghlPollingTrigger('Catch-up: appointments booked in GHL', [0, -200], 'appointmentCreated', 15),
		ghl('Appointments of a demo contact', [220, 220], 'appointment', 'getAll', {
			contactId: contactByEmail('ada.lovelace@example.com'),
			returnAll: true,
		}),
		code('Appointment', [440, 100], APPOINTMENT),
		config('Config', [660, 100], [
			{ name: 'lsqHost', value: `${PARTNERS}/leadsquared` },
			{ name: 'taskType', value: 'Meeting' },
			{ name: 'activityEvent', value: 202 },
			{ name: 'ownerEmail', value: '' },
			{ name: 'ghlIdField', value: 'mx_GHL_Contact_Id' },
		], ID),
		...leadAndTasks.nodes,
		code('Appointment there already?', [1980, 40], APPOINTMENT_MATCH),
		ifTrue('Appointment missing?', [2200, 40], "$json.action === 'create'", ID),
		ifTrue('Appointment changed?', [2420, 160], "$json.action === 'update'", ID),
		errorOutput(
			http('LeadSquared: update appointment', [2640, 160], {
				method: 'POST',
				url: LSQ_URL('Task.svc/Update'),
				credential: 'lsqApi',
				jsonBody: 'JSON.stringify($json.update)',
				batchIntervalMs: 500,
			}),
		),
		errorOutput(
			http('LeadSquared: create appointment', [2420, -60], {
				method: 'POST',
				url: LSQ_URL('Task.svc/Create'),
				credential: 'lsqApi',
				jsonBody: "JSON.stringify(Object.assign({}, $('Appointment there already?').item.json.task, { RelatedEntityId: $('Appointment there already?').item.json.leadId }))",
				batchIntervalMs: 500,
			}),
		),
		errorOutput(
			http('LeadSquared: activities of the lead', [2640, 40], {
				method: 'POST',
				url: LSQ_URL("ProspectActivity.svc/Retrieve?leadId={{ $('LeadSquared: find or create lead').item.json.Message.Id }}"),
				credential: 'lsqApi',
				jsonBody: 'JSON.stringify({ Paging: { Offset: 0, RowCount: 100 } })',
				fullResponse: true,
				batchIntervalMs: 500,
			}),
		),
		code('Activity there already?', [2860, 40], markerInList('(body && body.ProspectActivities) || []', 'record.ActivityNote')),
		ifTrue('Activity missing?', [3080, 40], '!$json.exists && $json.wantActivity', ID),
		errorOutput(
			http('LeadSquared: post activity', [3300, -60], {
				method: 'POST',
				url: LSQ_URL('ProspectActivity.svc/Create'),
				credential: 'lsqApi',
				jsonBody:
					"JSON.stringify(Object.assign({}, $('Activity there already?').item.json.activity, { RelatedProspectId: $('Activity there already?').item.json.leadId }))",
				batchIntervalMs: 500,
			}),
		),
		recordDone('Record as synced', [3520, 40], PLAN),
		failedItems([3520, 400], PLAN, ['Activity there already?', 'Appointment there already?', 'Appointment']),
	],
	editorSample: [ghlAppointmentEventSample('Discovery call with Ada', { webhookId: 'b1c4a3e0-5d6f-4a71-9c2e-0f5e7a1d2c03' })],
	links: [
		['GHL appointment booked, changed or deleted', 'Appointment'],
		['Catch-up: appointments booked in GHL', 'Appointment'],
		['Run it now', 'Appointments of a demo contact'],
		['Appointments of a demo contact', 'Appointment'],
		['Appointment', 'Config'],
		...leadAndTasks.links,
		['Appointment there already?', 'Appointment missing?'],
		['Appointment missing?', 'LeadSquared: create appointment', 0],
		['Appointment missing?', 'Appointment changed?', 1],
		['Appointment changed?', 'LeadSquared: update appointment', 0],
		['Appointment changed?', 'LeadSquared: activities of the lead', 1],
		['LeadSquared: update appointment', 'LeadSquared: activities of the lead', 0],
		['LeadSquared: update appointment', FAILED_ITEMS, 1],
		['LeadSquared: create appointment', 'LeadSquared: activities of the lead', 0],
		['LeadSquared: create appointment', FAILED_ITEMS, 1],
		['LeadSquared: activities of the lead', 'Activity there already?', 0],
		['LeadSquared: activities of the lead', FAILED_ITEMS, 1],
		['Activity there already?', 'Activity missing?'],
		['Activity missing?', 'LeadSquared: post activity', 0],
		['Activity missing?', 'Record as synced', 1],
		['LeadSquared: post activity', 'Record as synced', 0],
		['LeadSquared: post activity', FAILED_ITEMS, 1],
	],
	stickies: [failedItemsSticky([3520, 600])],
};
