/**
 * The workflow templates (templates/*.json) in a real n8n 2.41.1 with our packed package, against
 * the GHL sandbox and the partner simulators (sandbox/partners).
 *
 * - "Run by hand": each template's Manual Trigger path (`n8n execute`), asserting the GHL records
 *   it wrote (contacts with the mapped fields, tags, notes, tasks) and the partner requests it made.
 * - "Triggered": the templates activated and started the way production starts them: partner
 *   webhooks fired by the simulators (LeadSquared, DPD IPN), and signed GHL webhook deliveries
 *   from the sandbox for the HighLevel Trigger templates.
 *
 * Every test starts from the seed data (sandbox and simulators reset).
 */
import type { IDataObject } from 'n8n-workflow';
import type { Partners } from '../../sandbox/partners';
import type { ContactRecord, NoteRecord, TaskRecord } from '../../sandbox/store';
import { useStack } from './lib/jest';
import { sandboxRecords, type SandboxRecords } from './lib/resourceWorkflows';
import type { Stack } from './lib/stack';
import { listTemplates, localTemplate, SAMPLE_LEAD_CONTACT } from './lib/templates';
import { GHL_TRIGGER, nodeOutput, runError, type ExecutionJson, type RunJson, type WorkflowJson } from './lib/workflows';

const stackRef = useStack();

/** Template JSON by file name (without .json). */
const templates = Object.fromEntries(
	listTemplates().map((t) => [t.file.replace(/^.*\//, '').replace(/\.json$/, ''), t.json]),
);
const T = {
	lsqLead: 'leadsquared-lead-to-ghl-contact',
	lsqActivity: 'leadsquared-activity-to-ghl-task',
	ghlToLsq: 'ghl-contact-to-leadsquared',
	apptToLsq: 'ghl-appointment-to-leadsquared',
	dpdIpn: 'dpd-ipn-to-ghl-contact',
	dpdPoll: 'dpd-purchases-poll-to-ghl',
	leadPops: 'leadpops-leads-poll-to-ghl',
	leadCars: 'leadcars-leads-to-ghl',
	ghlToLeadCars: 'ghl-contact-to-leadcars',
	lsqTask: 'leadsquared-task-to-ghl-task',
	taskDone: 'ghl-task-complete-to-leadsquared',
	lsqMeeting: 'leadsquared-meeting-to-ghl-appointment',
} as const;

/** The partner simulators the stack started (sandbox/partners). */
function partners(stack: Stack): Partners {
	return stack.partners as Partners;
}
const ids: Record<string, string> = {};

/** The template as imported here: partner URLs on the simulators, GHL Triggers trusting the sandbox's keys. */
function prepared(stack: Stack, json: WorkflowJson): WorkflowJson {
	return localTemplate(json, { partnersUrl: partners(stack).url, publicKeys: stack.sandbox.publicKeys });
}

beforeAll(async () => {
	const stack = stackRef();
	if (!stack.partners) throw new Error('The stack did not start the partner simulators (sandbox/partners)');
	const names = Object.values(T);
	const missing = names.filter((name) => !templates[name]);
	if (missing.length) throw new Error(`Missing templates: ${missing.join(', ')}`);
	const imported = await stack.importWorkflows(names.map((name) => prepared(stack, templates[name])));
	names.forEach((name, i) => (ids[name] = imported[i]));
}, 120_000);

beforeEach(async () => {
	const stack = stackRef();
	stack.sandbox.reset();
	partners(stack).reset();
	// The templates keep what they synced in their static data (the ledger); the sandbox and the
	// simulators start over, so each test starts with an empty ledger too.
	await Promise.all(
		Object.values(T).map(async (name) => {
			const { nodes, connections, settings } = prepared(stack, templates[name]);
			await stack.client.api('PUT', `/workflows/${ids[name]}`, { name: templates[name].name, nodes, connections, settings, staticData: null });
		}),
	);
});

// ---------------------------------------------------------------------------------------------
// Helpers

function snapshot(stack: Stack): SandboxRecords {
	return sandboxRecords(stack.sandbox);
}

function contactByEmail(stack: Stack, email: string): ContactRecord {
	const contact = snapshot(stack).contacts.find((c) => c.email === email);
	if (!contact) throw new Error(`No GHL contact ${email} in the sandbox`);
	return contact;
}

function notesOf(stack: Stack, contactId: string): NoteRecord[] {
	return snapshot(stack).notes.filter((n) => n.contactId === contactId);
}

function tasksOf(stack: Stack, contactId: string): TaskRecord[] {
	return snapshot(stack).tasks.filter((t) => t.contactId === contactId);
}

/** Runs the template's Manual Trigger path and fails with the node error when the run failed. */
async function runByHand(stack: Stack, name: string): Promise<RunJson> {
	const run = await stack.execute(ids[name]);
	const error = runError(run);
	if (error || run.status !== 'success') throw new Error(`${name}: ${error ?? run.status}`);
	return run;
}

function itemsOf(run: RunJson, node: string, output = 0): IDataObject[] {
	return nodeOutput(run, node, 0, output);
}

/** A GHL API call to the sandbox with the demo private token; T is the answer's expected shape. */
async function sandboxApi<T>(stack: Stack, method: string, urlPath: string, body: unknown, version = '2021-07-28'): Promise<T> {
	const res = await fetch(`${stack.sandbox.url}${urlPath}`, {
		method,
		headers: { authorization: `Bearer ${stack.sandbox.demo.privateToken}`, version, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const json: T = await res.json();
	if (!res.ok) throw new Error(`${method} ${urlPath} → ${res.status} ${JSON.stringify(json)}`);
	return json;
}

function webhookIdOf(name: string): string {
	const webhookId = templates[name].nodes.find((n) => n.type === GHL_TRIGGER)?.webhookId;
	if (!webhookId) throw new Error(`${name}: no HighLevel Trigger node with a webhookId`);
	return webhookId;
}

/** Delivers the sandbox's queued GHL events (signed) to one template's HighLevel Trigger. */
async function deliverTo(stack: Stack, name: string, eventType?: string): Promise<void> {
	const url = stack.webhookUrl(`${webhookIdOf(name)}/webhook`);
	const events = stack.sandbox.queuedEvents().filter((e) => !eventType || e.type === eventType);
	expect(events.length).toBeGreaterThan(0);
	const results = await stack.sandbox.deliverWebhooks({ targets: [url], events });
	expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
}

async function activated(stack: Stack, name: string): Promise<string> {
	const id = ids[name];
	await stack.activate(id);
	return id;
}

/** Waits for `count` finished executions in total and returns the newest one (asserting success). */
async function newestExecution(stack: Stack, id: string, count: number): Promise<ExecutionJson> {
	const list = await stack.waitForExecutions(id, count, 60_000);
	const newest = list[list.length - 1];
	const error = runError(newest);
	if (error || newest.status !== 'success') throw new Error(`execution ${newest.id}: ${error ?? newest.status}`);
	return newest;
}

// ---------------------------------------------------------------------------------------------

describe('run by hand (Manual Trigger path)', () => {
	test('LeadSquared lead → GHL contact with the mapped fields + a note', async () => {
		const stack = stackRef();
		await runByHand(stack, T.lsqLead);
		const contact = contactByEmail(stack, 'priya.raman@example.com');
		expect(contact).toMatchObject({ ...SAMPLE_LEAD_CONTACT, source: 'LeadSquared' });
		expect(String(contact.dateOfBirth)).toMatch(/^1990-04-12/);
		expect(contact.tags).toEqual(expect.arrayContaining(['leadsquared', 'lsq-stage-prospect']));
		const notes = notesOf(stack, contact.id);
		expect(notes).toHaveLength(1);
		expect(notes[0].body).toContain('LeadSquared lead 7c3f2a91-5d4e-4b8a-9f21-3e6d8c0b1a47 (#10482)');
		expect(notes[0].body).toContain('Source: Google Ads / cpc / home-loan-q3');
		expect(partners(stack).requests).toHaveLength(0);
	});

	test('LeadSquared activity → GHL task due at the activity date + a note', async () => {
		const stack = stackRef();
		await runByHand(stack, T.lsqActivity);
		const contact = contactByEmail(stack, 'priya.raman@example.com');
		const tasks = tasksOf(stack, contact.id);
		expect(tasks).toHaveLength(1);
		expect(tasks[0]).toMatchObject({ title: 'LeadSquared: Site Visit Scheduled', completed: false });
		expect(new Date(tasks[0].dueDate).toISOString()).toBe('2025-11-29T10:30:00.000Z');
		expect(tasks[0].body).toContain('Customer wants a site visit on Saturday');
		expect(tasks[0].body).toContain('mx_Custom_2: Whitefield branch');
		expect(notesOf(stack, contact.id).map((n) => n.body).join('\n')).toContain('"Site Visit Scheduled" (code 201)');
	});

	test('GHL contacts → LeadSquared Lead.Capture with mx_GHL_Contact_Id', async () => {
		const stack = stackRef();
		const run = await runByHand(stack, T.ghlToLsq);
		const pushed = itemsOf(run, 'Newest GHL contacts (demo)');
		expect(pushed).toHaveLength(3);
		const captures = partners(stack).requestsFor('leadsquared', 'Lead.Capture');
		expect(captures).toHaveLength(3);
		for (const request of captures) {
			expect(request.authorized).toBe(true);
			expect(request.status).toBe(200);
		}
		for (const contact of pushed) {
			const lead = partners(stack).leadsquared.findLeadByEmail(String(contact.email));
			expect(lead).toMatchObject({
				FirstName: contact.firstName,
				LastName: contact.lastName,
				Phone: contact.phone,
				Company: contact.companyName,
				mx_City: contact.city,
				Source: 'HighLevel',
				mx_GHL_Contact_Id: contact.id,
			});
			// The new lead's id comes back to the contact as its tag.
			expect(contactByEmail(stack, String(contact.email)).tags).toContain(`lsq:${String(lead!.ProspectID).toLowerCase()}`);
		}
		expect(itemsOf(run, 'Record as synced')).toHaveLength(3);
	});

	test('GHL appointment → LeadSquared lead, Meeting task at the same time and an activity', async () => {
		const stack = stackRef();
		await runByHand(stack, T.apptToLsq);
		const lead = partners(stack).leadsquared.findLeadByEmail('ada.lovelace@example.com');
		expect(lead).toMatchObject({ FirstName: 'Ada', LastName: 'Lovelace', Phone: '+15550101000' });
		const [task] = partners(stack).leadsquared.tasks().filter((t) => t.RelatedEntityId === lead!.ProspectID);
		expect(task).toMatchObject({
			Name: 'Discovery call with Ada',
			TaskType: 'Meeting',
			RelatedEntityId: lead!.ProspectID,
			DueDate: '2030-01-15 15:00:00',
			EndDate: '2030-01-15 15:30:00',
		});
		const [activity] = partners(stack).leadsquared.activities();
		expect(activity).toMatchObject({ RelatedProspectId: lead!.ProspectID, ActivityEvent: 202 });
		expect(activity.Fields).toContainEqual({ SchemaName: 'mx_Custom_1', Value: '2030-01-15 15:00:00' });
	});

	test('DPD IPN → verified with DPD → GHL contact, dpd-customer + product tags, purchase note', async () => {
		const stack = stackRef();
		await runByHand(stack, T.dpdIpn);
		const [verify] = partners(stack).requestsFor('dpd', '/notification/verify');
		expect(verify).toMatchObject({ method: 'POST', authorized: true, status: 200 });
		expect(verify.headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(verify.body).toEqual(partners(stack).dpd.samples.ipn);
		const contact = contactByEmail(stack, 'maya.ortiz@example.com');
		expect(contact).toMatchObject({
			firstName: 'Maya',
			lastName: 'Ortiz',
			address1: '742 Evergreen Terrace',
			city: 'Portland',
			state: 'OR',
			postalCode: '97205',
			country: 'US',
			source: 'DPD',
		});
		expect(contact.tags).toEqual(
			expect.arrayContaining(['dpd-customer', 'dpd-product-lightroom-preset-pack', 'dpd-product-editing-masterclass-video']),
		);
		const [note] = notesOf(stack, contact.id);
		expect(note.body).toContain('DPD purchase #18937181: 49.00 USD (discount 5.00, coupon LAUNCH10)');
		expect(note.body).toContain('1 x Lightroom Preset Pack [LR-PRESET-01]: 29.00 USD');
	});

	test('DPD polling → contacts for new purchases, refund tag, no duplicate notes, nothing twice', async () => {
		const stack = stackRef();
		// The IPN template notes purchase 18937181 first: the poll must not note it again.
		await runByHand(stack, T.dpdIpn);
		const run = await runByHand(stack, T.dpdPoll);
		const [list] = partners(stack).requestsFor('dpd', '/v2/purchases');
		expect(list).toMatchObject({ method: 'GET', authorized: true, status: 200 });
		expect(Number(list.query.date_min)).toBeGreaterThan(Date.now() / 1000 - 25 * 3600);
		expect(list.query.page).toBe('1');
		expect(itemsOf(run, 'Map purchases to GHL')).toHaveLength(3);

		const maya = contactByEmail(stack, 'maya.ortiz@example.com');
		expect(notesOf(stack, maya.id)).toHaveLength(1);
		const noah = contactByEmail(stack, 'noah.becker@example.com');
		expect(noah).toMatchObject({ firstName: 'Noah', lastName: 'Becker', city: 'Seattle', country: 'US', source: 'DPD' });
		expect(noah.tags).toEqual(expect.arrayContaining(['dpd-customer', 'dpd-product-portrait-retouching-actions']));
		expect(notesOf(stack, noah.id).map((n) => n.body)).toEqual([expect.stringContaining('DPD purchase #18937190: 19.00 USD')]);
		const lena = contactByEmail(stack, 'lena.fischer@example.com');
		expect(lena.tags).toContain('dpd-refunded');
		expect(lena.tags).not.toContain('dpd-customer');
		expect(lena.country).toBe('DE');

		// A second run sees the same purchases and writes nothing to GHL.
		const notesBefore = snapshot(stack).notes.length;
		const writesBefore = stack.sandbox.requests.filter((r) => r.method !== 'GET').length;
		const again = await runByHand(stack, T.dpdPoll);
		// The ledger (workflow static data, kept for this CLI run as for trigger runs) holds all three.
		expect(itemsOf(again, 'Map purchases to GHL')).toHaveLength(0);
		expect(snapshot(stack).notes.length).toBe(notesBefore);
		expect(stack.sandbox.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);
	});

	test('leadPops polling (OAuth2 credential) → contacts in the window + call tasks', async () => {
		const stack = stackRef();
		await runByHand(stack, T.leadPops);
		const [list] = partners(stack).requestsFor('leadpops', '/api/v1/leads');
		expect(list).toMatchObject({ method: 'POST', authorized: true, status: 200 });
		expect(list.body).toMatchObject({ funnel: 'SalCompany.clixwithus.com', limit: 500 });
		const derek = contactByEmail(stack, 'derek.simmons@example.com');
		expect(derek).toMatchObject({
			firstName: 'Derek',
			lastName: 'Simmons',
			phone: '+15125550187',
			postalCode: '78704',
			state: 'TX',
			country: 'US',
			source: 'leadPops',
		});
		expect(derek.tags).toEqual(expect.arrayContaining(['leadpops', 'leadpops-purchase-home-loan', 'loan-purchase']));
		const [task] = tasksOf(stack, derek.id);
		expect(task.title).toBe('Call new leadPops lead: Derek Simmons (Purchase)');
		expect(task.body).toContain('credit score: Good (680-719)');
		expect(contactByEmail(stack, 'alicia.gomez@example.com').phone).toBe('+17375550142');
		// The lead from 10 days ago is outside the 2-day window.
		expect(snapshot(stack).contacts.some((c) => c.email === 'old.lead@example.com')).toBe(false);
		// Every GHL call of this template used the OAuth2 token, none the Private Integration token.
		const writes = stack.sandbox.requests.filter((r) => r.path.startsWith('/contacts'));
		expect(writes.length).toBeGreaterThan(0);
		expect(writes.every((r) => r.headers.authorization !== `Bearer ${stack.sandbox.demo.privateToken}`)).toBe(true);
	});

	test('LeadCars leads → GHL contacts with mapped fields + a follow-up task for the dealer', async () => {
		const stack = stackRef();
		await runByHand(stack, T.leadCars);
		const reads = partners(stack).requestsFor('leadcars', '/leadinfos/');
		expect(reads.map((r) => r.route)).toEqual(['/api/v2/leadinfos/799119', '/api/v2/leadinfos/799121']);
		expect(reads.every((r) => r.authorized)).toBe(true);
		const lucia = contactByEmail(stack, 'lucia.fernandez@example.es');
		expect(lucia).toMatchObject({
			firstName: 'Lucía',
			lastName: 'Fernández Gil',
			phone: '+34612345678',
			address1: 'Calle de Alcalá 120, 3ºB',
			city: 'Madrid',
			postalCode: '28034',
			country: 'ES',
			source: 'LeadCars',
		});
		expect(String(lucia.dateOfBirth)).toMatch(/^1988-02-14/);
		expect(lucia.tags).toEqual(expect.arrayContaining(['leadcars', 'leadcars-id-799119', 'leadcars-hot', 'leadcars-status-cita-concertada']));
		const [task] = tasksOf(stack, lucia.id);
		expect(task.title).toBe('LeadCars lead #799119: Lucía Fernández Gil – SEAT León 1.5 TSI FR 2024');
		expect(task.body).toContain('Salesperson: comercial.madrid@concesionario-demo.es');
		expect(task.body).toContain('Cita para prueba de conducción el sábado');
		const javier = contactByEmail(stack, 'javier.ortega@example.es');
		expect(javier.tags).toEqual(expect.arrayContaining(['leadcars-id-799121', 'leadcars-warn']));
		expect(tasksOf(stack, javier.id)).toHaveLength(1);

		// Unchanged leads make no second task; a LeadCars change (a new comment) makes one.
		await runByHand(stack, T.leadCars);
		expect(tasksOf(stack, lucia.id)).toHaveLength(1);
		const comment = await fetch(`${partners(stack).leadcars.url}/leads/799119/comments`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'cliente-token': partners(stack).demo.leadcars.clienteToken },
			body: JSON.stringify({ comentario: 'Cliente confirma la cita' }),
		});
		expect(comment.status).toBe(201);
		await runByHand(stack, T.leadCars);
		expect(tasksOf(stack, lucia.id)).toHaveLength(2);
		expect(tasksOf(stack, javier.id)).toHaveLength(1);
	});

	test('GHL contacts → LeadCars leads, tagged back with the LeadCars id + a note', async () => {
		const stack = stackRef();
		const run = await runByHand(stack, T.ghlToLeadCars);
		const pushed = itemsOf(run, 'Newest GHL contacts (demo)');
		expect(pushed).toHaveLength(2);
		const created = partners(stack).leadcars.created();
		expect(created).toHaveLength(2);
		for (const [i, contact] of pushed.entries()) {
			expect(created[i]).toMatchObject({
				nombre: contact.firstName,
				apellidos: contact.lastName,
				email: contact.email,
				movil: contact.phone,
				concesionario: 123,
				sede: 456,
				tipo_lead: 7,
				campana: 'VN-OTONO-25',
				custom: expect.objectContaining({ ghl_contact_id: contact.id }),
			});
			const after = contactByEmail(stack, String(contact.email));
			expect(after.tags).toEqual(expect.arrayContaining(['leadcars', `leadcars-id-${799200 + i}`]));
			expect(notesOf(stack, String(contact.id)).map((n) => n.body)).toContainEqual(expect.stringContaining(`Sent to LeadCars as lead #${799200 + i}`));
		}
		// Run again: both contacts are linked now, nothing is sent twice.
		await runByHand(stack, T.ghlToLeadCars);
		expect(partners(stack).leadcars.created()).toHaveLength(2);
	});
});

describe('triggered (activated workflows)', () => {
	test('LeadSquared lead webhooks: header check, JSON and form bodies, LeadSquared-style answer', async () => {
		const stack = stackRef();
		const id = await activated(stack, T.lsqLead);
		const url = stack.webhookUrl('leadsquared/lead');
		const before = (await stack.executions(id)).length;

		const refused = await partners(stack).leadsquared.sendWebhook(url, { apiKey: 'wrong-key' });
		expect(refused.status).toBe(403);

		const updated = await partners(stack).leadsquared.sendWebhook(url, { event: 'lead-updated' });
		expect(updated.status).toBe(200);
		expect(updated.json).toEqual({ Status: 'Success', StatusReason: '' });
		await newestExecution(stack, id, before + 1);
		const priya = contactByEmail(stack, 'priya.raman@example.com');
		expect(priya.tags).toEqual(expect.arrayContaining(['leadsquared', 'lsq-stage-opportunity']));
		expect(notesOf(stack, priya.id)[0].body).toContain('Stage: Opportunity');

		const form = await partners(stack).leadsquared.sendWebhook(url, {
			contentType: 'form',
			payload: { ...partners(stack).leadsquared.samples['lead-created'], ProspectID: 'f0e1d2c3-0000-4000-8000-000000000042', FirstName: 'Rahul', LastName: 'Verma', EmailAddress: 'rahul.verma@example.com', Phone: '+91-9900012345', mx_Country: 'India' },
		});
		expect(form.status).toBe(200);
		await newestExecution(stack, id, before + 2);
		expect(contactByEmail(stack, 'rahul.verma@example.com')).toMatchObject({ firstName: 'Rahul', phone: '+919900012345', country: 'IN' });
		// The refused delivery started nothing.
		expect(await stack.executions(id)).toHaveLength(before + 2);
		await stack.deactivate(id);
	});

	test('LeadSquared activity webhook with a batch of two activities → two tasks', async () => {
		const stack = stackRef();
		const id = await activated(stack, T.lsqActivity);
		const before = (await stack.executions(id)).length;
		const sample = partners(stack).leadsquared.samples['activity-created'];
		const second = { ...sample, ProspectActivityId: 'c6d7226e-0000-4000-8000-000000000002', ActivityEventName: 'Call Back Requested', mx_Custom_1: '', EmailAddress: 'arjun.mehta@example.com', FirstName: 'Arjun', LastName: 'Mehta', Phone: '+91-9812300001' };
		const sent = await partners(stack).leadsquared.sendWebhook(stack.webhookUrl('leadsquared/activity'), { payload: [sample, second] });
		expect(sent.status).toBe(200);
		await newestExecution(stack, id, before + 1);
		const [priyaTask] = tasksOf(stack, contactByEmail(stack, 'priya.raman@example.com').id);
		expect(priyaTask.title).toBe('LeadSquared: Site Visit Scheduled');
		const [arjunTask] = tasksOf(stack, contactByEmail(stack, 'arjun.mehta@example.com').id);
		expect(arjunTask.title).toBe('LeadSquared: Call Back Requested');
		// No date in the activity: due 24 hours after it happened.
		expect(new Date(arjunTask.dueDate).toISOString()).toBe('2025-11-26T07:47:26.000Z');
		await stack.deactivate(id);
	});

	test('DPD IPN: basic auth, verified IPNs sync, forged IPNs do not', async () => {
		const stack = stackRef();
		const id = await activated(stack, T.dpdIpn);
		const url = stack.webhookUrl('dpd/ipn');
		const before = (await stack.executions(id)).length;
		const dpd = partners(stack).dpd;

		const noAuth = await dpd.sendIpn(url, { auth: { user: 'dpd-ipn', password: 'wrong' } });
		expect([401, 403]).toContain(noAuth.status);

		const fields = dpd.ipnFields({ txn_id: '18937300', payer_email: 'sam.rivera@example.com', first_name: 'Sam', last_name: 'Rivera', verify_sign: '' });
		const sent = await dpd.sendIpn(url, { fields });
		expect(sent.status).toBe(200);
		expect(sent.body).toBe('OK');
		await newestExecution(stack, id, before + 1);
		const sam = contactByEmail(stack, 'sam.rivera@example.com');
		expect(sam.tags).toContain('dpd-customer');
		expect(notesOf(stack, sam.id)[0].body).toContain('DPD purchase #18937300');

		const forged = await dpd.sendIpn(url, { fields: dpd.ipnFields({ txn_id: '18937301', payer_email: 'mallory@example.com', verify_sign: 'forged' }), register: false });
		expect(forged.status).toBe(200);
		const forgedRun = await newestExecution(stack, id, before + 2);
		expect(itemsOf(forgedRun, 'Ignore: not verified by DPD')).toHaveLength(1);
		expect(snapshot(stack).contacts.some((c) => c.email === 'mallory@example.com')).toBe(false);
		expect(await stack.executions(id)).toHaveLength(before + 2);
		await stack.deactivate(id);
	});

	test('HighLevel Trigger (signed ContactCreate) → LeadSquared; a contact the LeadSquared template wrote is not written back', async () => {
		const stack = stackRef();
		const id = await activated(stack, T.ghlToLsq);
		const before = (await stack.executions(id)).length;
		const { contact } = await sandboxApi<{ contact: ContactRecord }>(stack, 'POST', '/contacts/', {
			locationId: stack.sandbox.demo.locationId,
			firstName: 'Tara',
			lastName: 'Singh',
			email: 'tara.singh@example.com',
			phone: '+14155550199',
			city: 'Oakland',
		});
		// LeadSquared → GHL writes Priya (tagged lsq:<ProspectID>); GHL reports it as a ContactCreate too.
		await runByHand(stack, T.lsqLead);
		const priya = contactByEmail(stack, 'priya.raman@example.com');
		await deliverTo(stack, T.ghlToLsq, 'ContactCreate');
		await newestExecution(stack, id, before + 2);
		const lead = partners(stack).leadsquared.findLeadByEmail('tara.singh@example.com');
		expect(lead).toMatchObject({ FirstName: 'Tara', LastName: 'Singh', Phone: '+14155550199', mx_City: 'Oakland', mx_GHL_Contact_Id: contact.id });
		expect(partners(stack).requestsFor('leadsquared', 'Lead.Capture')).toHaveLength(1);
		// Priya's lead already holds what GHL has: only the GHL id is added, nothing comes back.
		expect(partners(stack).requestsFor('leadsquared', 'Lead.Update').map((r) => r.body)).toEqual([[{ Attribute: 'mx_GHL_Contact_Id', Value: priya.id }]]);
		await stack.deactivate(id);
	});

	test('HighLevel Trigger (signed AppointmentCreate) → LeadSquared Meeting task + activity', async () => {
		const stack = stackRef();
		const id = await activated(stack, T.apptToLsq);
		const before = (await stack.executions(id)).length;
		const grace = contactByEmail(stack, 'grace.hopper@example.com');
		await sandboxApi(
			stack,
			'POST',
			'/calendars/events/appointments',
			{
				calendarId: stack.sandbox.demo.calendarIds[1],
				locationId: stack.sandbox.demo.locationId,
				contactId: grace.id,
				title: 'Onboarding for Grace',
				startTime: '2031-03-04T16:00:00+00:00',
				endTime: '2031-03-04T17:00:00+00:00',
				ignoreFreeSlotValidation: true,
			},
			'2021-04-15',
		);
		await deliverTo(stack, T.apptToLsq, 'AppointmentCreate');
		await newestExecution(stack, id, before + 1);
		const lead = partners(stack).leadsquared.findLeadByEmail('grace.hopper@example.com');
		expect(lead?.mx_GHL_Contact_Id).toBe(grace.id);
		expect(partners(stack).leadsquared.tasks().filter((t) => t.RelatedEntityId === lead!.ProspectID)).toEqual([
			expect.objectContaining({ Name: 'Onboarding for Grace', DueDate: '2031-03-04 16:00:00', TaskType: 'Meeting', RelatedEntityId: lead!.ProspectID }),
		]);
		expect(partners(stack).leadsquared.activities()).toHaveLength(1);
		await stack.deactivate(id);
	});

	test('LeadSquared task webhook → GHL task; completed in GHL (signed TaskComplete) → the LeadSquared task completed, once', async () => {
		const stack = stackRef();
		const lsqTaskId = await activated(stack, T.lsqTask);
		const doneId = await activated(stack, T.taskDone);
		const lsq = partners(stack).leadsquared;
		const beforeTask = (await stack.executions(lsqTaskId)).length;
		const beforeDone = (await stack.executions(doneId)).length;
		const sent = await lsq.sendWebhook(stack.webhookUrl('leadsquared/task'), { event: 'task-created' });
		expect(sent.json).toEqual({ Status: 'Success', StatusReason: '' });
		await newestExecution(stack, lsqTaskId, beforeTask + 1);
		const sample = lsq.samples['task-created'];
		const priya = contactByEmail(stack, 'priya.raman@example.com');
		const [task] = tasksOf(stack, priya.id);
		expect(task).toMatchObject({ title: 'Call Priya about the loan documents', completed: false });
		expect(task.body).toContain(`[sync:lsq-task:${String(sample.UserTaskId)}]`);
		expect(tasksOf(stack, priya.id)).toHaveLength(1);

		await sandboxApi(stack, 'PUT', `/contacts/${priya.id}/tasks/${task.id}/completed`, { completed: true });
		await deliverTo(stack, T.taskDone, 'TaskComplete');
		await newestExecution(stack, doneId, beforeDone + 1);
		expect(lsq.task(String(sample.UserTaskId))).toMatchObject({ StatusCode: 1, Status: 'Completed' });
		expect(partners(stack).requestsFor('leadsquared', 'Task.svc/Update')).toHaveLength(1);
		expect(partners(stack).requestsFor('leadsquared', 'Task.svc/Create')).toHaveLength(0);
		await stack.deactivate(lsqTaskId);
		await stack.deactivate(doneId);
	});

	test('LeadSquared meeting webhook → GHL appointment on the calendar, linked back; cancelled in LeadSquared → cancelled in GHL', async () => {
		const stack = stackRef();
		const id = await activated(stack, T.lsqMeeting);
		const before = (await stack.executions(id)).length;
		const lsq = partners(stack).leadsquared;
		const meetingId = 'd41e7b20-6a3c-4f15-8b2e-5c9a0e1f7d02';
		const payload = () => {
			const { Id: _id, ...task } = lsq.task(meetingId)!;
			return task;
		};
		const url = stack.webhookUrl('leadsquared/meeting');
		expect((await lsq.sendWebhook(url, { payload: payload() })).json).toEqual({ Status: 'Success', StatusReason: '' });
		await newestExecution(stack, id, before + 1);
		const priya = contactByEmail(stack, 'priya.raman@example.com');
		const booked = snapshot(stack).appointments.filter((a) => a.contactId === priya.id);
		expect(booked).toEqual([expect.objectContaining({ title: 'Site visit with Priya', appointmentStatus: 'confirmed' })]);
		expect(Date.parse(booked[0].startTime)).toBe(Date.parse('2030-02-01T05:30:00Z'));
		expect(lsq.task(meetingId)!.Description).toContain(`[sync:ghl-appointment:${booked[0].id}]`);
		lsq.editTask(meetingId, { StatusCode: 2 });
		expect((await lsq.sendWebhook(url, { payload: payload() })).status).toBe(200);
		await newestExecution(stack, id, before + 2);
		expect(snapshot(stack).appointments.filter((a) => a.contactId === priya.id)).toEqual([expect.objectContaining({ id: booked[0].id, appointmentStatus: 'cancelled' })]);
		await stack.deactivate(id);
	});

	test('HighLevel Trigger → LeadCars: a new contact is sent once; the tag update it causes is ignored', async () => {
		const stack = stackRef();
		const id = await activated(stack, T.ghlToLeadCars);
		const before = (await stack.executions(id)).length;
		const { contact } = await sandboxApi<{ contact: ContactRecord }>(stack, 'POST', '/contacts/', {
			locationId: stack.sandbox.demo.locationId,
			firstName: 'Marta',
			lastName: 'Ruiz',
			email: 'marta.ruiz@example.es',
			phone: '+34600111222',
			postalCode: '28001',
			state: 'Madrid',
			tags: ['hot'],
		});
		await deliverTo(stack, T.ghlToLeadCars, 'ContactCreate');
		await newestExecution(stack, id, before + 1);
		expect(partners(stack).leadcars.created()).toEqual([
			expect.objectContaining({ nombre: 'Marta', apellidos: 'Ruiz', movil: '+34600111222', cp: '28001', provincia: 'Madrid', temperature: 'hot', custom: expect.objectContaining({ ghl_contact_id: contact.id }) }),
		]);
		const marta = contactByEmail(stack, 'marta.ruiz@example.es');
		expect(marta.tags).toEqual(expect.arrayContaining(['hot', 'leadcars', 'leadcars-id-799200']));

		// Tagging the contact queued a ContactTagUpdate: delivered, it starts a run that sends nothing
		// (the contact is linked, so it is an edit, and LeadCars already holds every field it has).
		await deliverTo(stack, T.ghlToLeadCars, 'ContactTagUpdate');
		await newestExecution(stack, id, before + 2);
		expect(partners(stack).leadcars.created()).toHaveLength(1);
		expect(partners(stack).leadcars.updates()).toEqual([]);
		await stack.deactivate(id);
	});
});

describe('sync: replay, outage and bad items in the real n8n (static data through its task runner)', () => {
	test('LeadSquared: the same lead webhook delivered twice writes one contact and one note; the second run finds it in the ledger', async () => {
		const stack = stackRef();
		const id = await activated(stack, T.lsqLead);
		const url = stack.webhookUrl('leadsquared/lead');
		const before = (await stack.executions(id)).length;
		expect((await partners(stack).leadsquared.sendWebhook(url, { event: 'lead-created' })).status).toBe(200);
		await newestExecution(stack, id, before + 1);
		expect((await partners(stack).leadsquared.sendWebhook(url, { event: 'lead-created' })).status).toBe(200);
		const second = await newestExecution(stack, id, before + 2);
		expect(itemsOf(second, 'Plan: map, validate, skip synced')).toHaveLength(0);
		const priya = contactByEmail(stack, 'priya.raman@example.com');
		expect(notesOf(stack, priya.id)).toHaveLength(1);
		expect(snapshot(stack).contacts.filter((c) => c.email === 'priya.raman@example.com')).toHaveLength(1);
		await stack.deactivate(id);
	});

	test('DPD: verification failing → the IPN on Failed items; the polling template (its catch-up) writes it once', async () => {
		const stack = stackRef();
		const id = await activated(stack, T.dpdIpn);
		const before = (await stack.executions(id)).length;
		partners(stack).faults.add({ partner: 'dpd', route: 'notification/verify', kind: 'status', status: 502, count: 5 });
		expect((await partners(stack).dpd.sendIpn(stack.webhookUrl('dpd/ipn'))).status).toBe(200);
		const failed = await newestExecution(stack, id, before + 1);
		expect(itemsOf(failed, 'Failed items')).toEqual([expect.objectContaining({ record: 'dpd-purchase:18937181-ACT', failedStep: 'Verify the IPN with DPD' })]);
		expect(snapshot(stack).contacts.some((c) => c.email === 'maya.ortiz@example.com')).toBe(false);
		partners(stack).faults.clear();
		await runByHand(stack, T.dpdPoll);
		await runByHand(stack, T.dpdPoll);
		const maya = contactByEmail(stack, 'maya.ortiz@example.com');
		expect(notesOf(stack, maya.id).map((n) => n.body)).toEqual([expect.stringContaining('DPD purchase #18937181:')]);
		await stack.deactivate(id);
	});

	test('leadPops: GHL tasks failing → the leads on Failed items with the reason; the next run creates each task once', async () => {
		const stack = stackRef();
		stack.sandbox.injectFault({ kind: 'status', status: 500, count: 1000, match: { method: 'POST', path: '/tasks' } });
		const failed = await runByHand(stack, T.leadPops);
		const records = itemsOf(failed, 'Failed items');
		expect(records.length).toBeGreaterThan(0);
		expect(records.every((r) => r.failedStep === 'Create call task' && String(r.reason).length > 0)).toBe(true);
		stack.sandbox.clearFaults();
		await runByHand(stack, T.leadPops);
		await runByHand(stack, T.leadPops);
		const derek = contactByEmail(stack, 'derek.simmons@example.com');
		expect(tasksOf(stack, derek.id)).toHaveLength(1);
		expect(snapshot(stack).tasks.filter((t) => String(t.body).includes('[sync:leadpops-lead:'))).toHaveLength(records.length);
	});

	test('LeadCars: a lead with a malformed email fails alone; the other is written', async () => {
		const stack = stackRef();
		partners(stack).leadcars.patchLead(799121, { email: 'broken@' });
		const run = await runByHand(stack, T.leadCars);
		expect(itemsOf(run, 'Failed items')).toEqual([{ record: 'leadcars-lead:799121', failedStep: 'Valid?', reason: 'invalid email broken@' }]);
		expect(tasksOf(stack, contactByEmail(stack, 'lucia.fernandez@example.es').id)).toHaveLength(1);
	});
});
