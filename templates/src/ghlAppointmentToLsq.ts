import { code, config, contactByEmail, contactById, ghl, ghlTrigger, http, ifTrue, manualTrigger, noOp, PARTNERS, type TemplateSpec } from './lib';
import { ghlAppointmentEventSample } from './samples';
import { UTC_SQL } from './snippets';

const ID = 'ghlApptToLsq0001';

const APPOINTMENT = `
// HighLevel Trigger items carry the appointment in payload (fullRecord when fetched); the
// Appointment → Get Many items are the appointments themselves.
return $input.all().map((item, index) => {
  const json = item.json;
  const appointment = json.event !== undefined && json.payload !== undefined
    ? Object.assign({}, json.payload, json.fullRecord || {})
    : json;
  return {
    json: {
      appointmentId: appointment.id,
      contactId: appointment.contactId,
      calendarId: appointment.calendarId,
      title: appointment.title || 'Appointment',
      startTime: appointment.startTime,
      endTime: appointment.endTime,
      status: appointment.appointmentStatus || appointment.status || '',
      address: appointment.address || '',
      assignedUserId: appointment.assignedUserId || '',
    },
    pairedItem: { item: index },
  };
});
`;

const MAP = `${UTC_SQL}
// Contact + appointment → LeadSquared: the lead (found or created by email/phone, not updated),
// an appointment task (Task.svc/Create, task type "Meeting") and an activity on the lead timeline.
const config = $('Config').first().json;
const out = [];
for (const [index, item] of $input.all().entries()) {
  const contact = item.json;
  const appointment = $('Appointment').itemMatching(index).json;
  const text = (key) => (contact[key] === null || contact[key] === undefined ? '' : String(contact[key]).trim());
  const lead = [];
  const add = (attribute, value) => { if (value) lead.push({ Attribute: attribute, Value: value }); };
  add('EmailAddress', text('email').toLowerCase());
  add('FirstName', text('firstName'));
  add('LastName', text('lastName'));
  add('Phone', text('phone'));
  if (config.ghlIdField) add(config.ghlIdField, text('id'));
  add('SearchBy', text('email') ? 'EmailAddress' : 'Phone');
  const start = utcSql(appointment.startTime);
  const end = utcSql(appointment.endTime || appointment.startTime);
  const description = [
    'Booked in HighLevel (appointment ' + appointment.appointmentId + ', calendar ' + appointment.calendarId + ').',
    appointment.status ? 'Status: ' + appointment.status : '',
    appointment.address ? 'Where: ' + appointment.address : '',
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
    ActivityNote: appointment.title + ' on ' + start + ' UTC (HighLevel appointment ' + appointment.appointmentId + ')',
    ActivityDateTime: utcSql(new Date()),
    Fields: [
      { SchemaName: 'mx_Custom_1', Value: start },
      { SchemaName: 'mx_Custom_2', Value: appointment.address || '' },
    ],
  };
  out.push({
    json: { lead, task, activity, send: !!(text('email') || text('phone')) && !!start, ghlContactId: text('id') },
    pairedItem: { item: index },
  });
}
return out;
`;

const LSQ_URL = (path: string) => `={{ $('Config').first().json.lsqHost }}/v2/${path}`;

export const ghlAppointmentToLsq: TemplateSpec = {
	id: ID,
	file: 'ghl-appointment-to-leadsquared',
	name: 'HighLevel appointment → LeadSquared appointment + activity',
	description:
		'When an appointment is booked in HighLevel (signed GHL webhook), its contact is found or created in LeadSquared (Lead.Capture, existing leads left unchanged), the appointment is created there as a "Meeting" task at the same time, and an activity is posted on the lead\'s timeline. "Execute workflow" sends a sample AppointmentCreate (the sandbox\'s "Discovery call with Ada"); "Run it now" copies the appointments of that demo contact.',
	nodes: [
		ghlTrigger('GHL appointment booked', [0, 0], {
			events: ['AppointmentCreate'],
			verification: 'ghlSignature',
			locationIds: '',
			fetchFullRecord: false,
			options: {},
		}),
		manualTrigger('Run it now', [0, 220]),
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
		ghl('Get the GHL contact', [880, 100], 'contact', 'get', {
			contactId: contactById('$json.contactId'),
		}),
		code('Map to LeadSquared', [1100, 100], MAP),
		ifTrue('Contact reachable?', [1320, 100], '$json.send', ID),
		noOp('Skip: no email or phone', [1540, 260]),
		http('LeadSquared: find or create lead', [1540, 40], {
			method: 'POST',
			url: LSQ_URL('LeadManagement.svc/Lead.Capture'),
			credential: 'lsqApi',
			query: [{ name: 'LeadUpdateBehavior', value: 'DoNotUpdate' }],
			jsonBody: 'JSON.stringify($json.lead)',
			batchIntervalMs: 500,
		}),
		http('LeadSquared: create appointment', [1760, 40], {
			method: 'POST',
			url: LSQ_URL('Task.svc/Create'),
			credential: 'lsqApi',
			jsonBody: "JSON.stringify(Object.assign({}, $('Map to LeadSquared').item.json.task, { RelatedEntityId: $json.Message.Id }))",
			batchIntervalMs: 500,
		}),
		http('LeadSquared: post activity', [1980, 40], {
			method: 'POST',
			url: LSQ_URL('ProspectActivity.svc/Create'),
			credential: 'lsqApi',
			jsonBody:
				"JSON.stringify(Object.assign({}, $('Map to LeadSquared').item.json.activity, { RelatedProspectId: $('LeadSquared: find or create lead').item.json.Message.Id }))",
			batchIntervalMs: 500,
		}),
	],
	editorSample: [ghlAppointmentEventSample('Discovery call with Ada', { webhookId: 'b1c4a3e0-5d6f-4a71-9c2e-0f5e7a1d2c03' })],
	links: [
		['GHL appointment booked', 'Appointment'],
		['Run it now', 'Appointments of a demo contact'],
		['Appointments of a demo contact', 'Appointment'],
		['Appointment', 'Config'],
		['Config', 'Get the GHL contact'],
		['Get the GHL contact', 'Map to LeadSquared'],
		['Map to LeadSquared', 'Contact reachable?'],
		['Contact reachable?', 'LeadSquared: find or create lead', 0],
		['Contact reachable?', 'Skip: no email or phone', 1],
		['LeadSquared: find or create lead', 'LeadSquared: create appointment'],
		['LeadSquared: create appointment', 'LeadSquared: post activity'],
	],
};
