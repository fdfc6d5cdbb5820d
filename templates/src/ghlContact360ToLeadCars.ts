import { code, config, contactById, ghl, http, manualTrigger, PARTNERS, scheduleTrigger, type N8nNode, type TemplateSpec } from './lib';
import { errorOutput, FAILED_ITEMS, failedItems, failedItemsSticky, LEDGER, READS_BY_ITEM, recordDone } from './sync';
import { PARTNER_PRIVILEGE } from './scopes';
import { BUSINESS_FILTERS } from './snippets';

const ID = 'ghl360ToLeadCars';
const CONTACTS = 'Get the linked contacts';
const KEYED = 'Contacts with a LeadCars lead';
const TASKS = 'Tasks of the contact';
const NOTES = 'Notes of the contact';
const APPOINTMENTS = 'Appointments of the contact';
const PLAN = 'Plan: the 360° view, skip unchanged';

const FILTER = `${BUSINESS_FILTERS}
// The contacts linked to a LeadCars lead carry the tag "leadcars" and leadcars-id-<id> (templates 8
// and 9); with Config businessId, only that business's.
const config = $('Config').first().json;
const tag = String(config.contactTag || 'leadcars').trim();
const filters = [{ field: 'tags', operator: 'eq', value: tag }, ...businessFilters(config)];
return [{ json: { filtersJson: JSON.stringify(filters) } }];
`;

const KEYED_CODE = `
// The LeadCars lead id comes from the GHL side (the contact's leadcars-id-<id> tag), never typed in.
const out = [];
for (const item of $input.all()) {
  const contact = item.json || {};
  const tag = (contact.tags || []).map(String).find((t) => /^leadcars-id-\\d+$/i.test(t));
  if (!contact.id || !tag) continue;
  out.push({ json: Object.assign({}, contact, { leadCarsId: Number(tag.slice(12)), syncKey: 'leadcars-360:' + contact.id }), pairedItem: { item: out.length } });
}
return out;
`;

/** The contact items again, so the next read runs once per contact (its items pair with the contacts). */
const AGAIN = `return $('${KEYED}').all().map((item, index) => ({ json: item.json, pairedItem: { item: index } }));\n`;

const PLAN_CODE = `${LEDGER}${READS_BY_ITEM}
// One view per contact: profile, open tasks, recent notes, upcoming appointments, as one LeadCars
// comment. A contact whose view is what this workflow last sent is skipped; one whose reads failed
// is on Failed items, not sent with parts missing.
const config = $('Config').first().json;
const contacts = $('${KEYED}').all();
const reads = readsByItem(contacts.length, ['${TASKS}', '${NOTES}', '${APPOINTMENTS}']);
const failedIndexes = reads.failed;
const tasks = reads.of('${TASKS}');
const notes = reads.of('${NOTES}');
const appointments = reads.of('${APPOINTMENTS}');
const now = Date.now();
const day = (value) => String(value || '').slice(0, 16).replace('T', ' ');
const maxNotes = Number(config.recentNotes) || 3;
const out = [];
contacts.forEach((item, index) => {
  if (failedIndexes.has(index)) return;
  const c = item.json;
  const open = tasks[index].filter((t) => t.completed !== true).sort((a, b) => String(a.dueDate).localeCompare(String(b.dueDate)));
  // Notes our own syncs wrote ([sync:…]) are not news to LeadCars.
  const recent = notes[index].filter((n) => !/\\[sync:/.test(String(n.body || ''))).sort((a, b) => String(b.dateAdded).localeCompare(String(a.dateAdded))).slice(0, maxNotes);
  const upcoming = appointments[index].filter((a) => Date.parse(a.startTime) >= now && !/cancel/i.test(String(a.appointmentStatus || a.status || ''))).sort((a, b) => String(a.startTime).localeCompare(String(b.startTime)));
  const view = {
    profile: [[c.firstName, c.lastName].filter(Boolean).join(' '), c.email, c.phone, c.companyName].filter(Boolean).join(' · '),
    tags: (c.tags || []).filter((t) => !/^leadcars/i.test(t)).sort(),
    openTasks: open.map((t) => day(t.dueDate) + ' ' + t.title),
    notes: recent.map((n) => day(n.dateAdded) + ' ' + String(n.body || '').replace(/\\s+/g, ' ').slice(0, 200)),
    appointments: upcoming.map((a) => day(a.startTime) + ' ' + (a.title || 'Appointment')),
  };
  const hash = syncHash(view);
  if (alreadySynced(item.json.syncKey, hash)) return;
  const lines = [
    'HighLevel 360° view of ' + view.profile,
    'Tags: ' + (view.tags.join(', ') || '-'),
    'Open tasks (' + view.openTasks.length + '): ' + (view.openTasks.join('; ') || '-'),
    'Upcoming appointments: ' + (view.appointments.join('; ') || '-'),
    'Recent notes: ' + (view.notes.join(' | ') || '-'),
    '[sync:ghl-360:' + c.id + ']',
  ];
  out.push({ json: { syncKey: item.json.syncKey, syncHash: hash, contactId: c.id, leadCarsId: c.leadCarsId, view, comentario: lines.join('\\n') }, pairedItem: { item: index } });
});
return out;
`;

const read = (name: string, resource: string, position: [number, number]): N8nNode => ({
	...errorOutput(ghl(name, position, resource, 'getAll', { contactId: contactById('$json.id'), returnAll: true })),
	alwaysOutputData: true,
});

const contacts: N8nNode = {
	...errorOutput(ghl(CONTACTS, [660, 0], 'contact', 'getAll', { returnAll: true, filtersJson: '={{ $json.filtersJson }}' })),
	alwaysOutputData: true,
};

export const ghlContact360ToLeadCars: TemplateSpec = {
	id: ID,
	file: 'ghl-contact-360-to-leadcars',
	partnerPrivilege: PARTNER_PRIVILEGE.leadCars,
	name: 'HighLevel 360° view → LeadCars lead comment',
	description:
		'Every hour, each GHL contact linked to a LeadCars lead (tag leadcars-id-<id>, written by the LeadCars templates; the id is read from GHL, never typed) gets its 360° view (profile, open tasks, upcoming appointments, recent notes) posted as a comment on its LeadCars lead, only when the view changed since the last comment: new notes, task updates and contact changes reach the dealer. A contact whose reads or comment failed ends in "Failed items" and is tried again next hour.',
	nodes: [
		scheduleTrigger('Every hour', [0, 0], { field: 'hours', every: 1 }),
		manualTrigger('Send the views now', [0, 200]),
		config('Config', [220, 0], [
			{ name: 'leadCarsApiUrl', value: `${PARTNERS}/leadcars/api/v2` },
			{ name: 'contactTag', value: 'leadcars' },
			{ name: 'businessId', value: '' },
			{ name: 'recentNotes', value: 3 },
		], ID),
		code('Filter for this run', [440, 0], FILTER),
		contacts,
		code(KEYED, [880, 0], KEYED_CODE),
		read(TASKS, 'task', [1100, 0]),
		code('Each contact again', [1320, 0], AGAIN),
		read(NOTES, 'note', [1540, 0]),
		code('Each contact once more', [1760, 0], AGAIN),
		read(APPOINTMENTS, 'appointment', [1980, 0]),
		code(PLAN, [2200, 0], PLAN_CODE),
		errorOutput(
			http('Post the view as a LeadCars comment', [2420, 0], {
				method: 'POST',
				url: "={{ $('Config').first().json.leadCarsApiUrl }}/leads/{{ $json.leadCarsId }}/comments",
				credential: 'leadCarsApi',
				jsonBody: 'JSON.stringify({ comentario: $json.comentario })',
				batchIntervalMs: 350,
			}),
		),
		recordDone('Record as synced', [2640, 0], PLAN),
		failedItems([2640, 300], PLAN, ['Each contact once more', 'Each contact again', KEYED]),
	],
	links: [
		['Every hour', 'Config'],
		['Send the views now', 'Config'],
		['Config', 'Filter for this run'],
		['Filter for this run', CONTACTS],
		[CONTACTS, KEYED, 0],
		[CONTACTS, FAILED_ITEMS, 1],
		[KEYED, TASKS],
		[TASKS, 'Each contact again', 0],
		[TASKS, FAILED_ITEMS, 1],
		['Each contact again', NOTES],
		[NOTES, 'Each contact once more', 0],
		[NOTES, FAILED_ITEMS, 1],
		['Each contact once more', APPOINTMENTS],
		[APPOINTMENTS, PLAN, 0],
		[APPOINTMENTS, FAILED_ITEMS, 1],
		[PLAN, 'Post the view as a LeadCars comment'],
		['Post the view as a LeadCars comment', 'Record as synced', 0],
		['Post the view as a LeadCars comment', FAILED_ITEMS, 1],
	],
	stickies: [failedItemsSticky([2920, 300])],
};
