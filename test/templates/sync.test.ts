/**
 * The sync pattern of the templates (templates/README.md, "How every template syncs"), run in
 * n8n-core with n8n 2.41.1's own base nodes against the GHL sandbox and the partner simulators:
 * replayed events and overlapping polls write nothing twice, a GHL outage sends the affected items
 * to "Failed items" with the reason and a later run writes each of them exactly once, and one bad
 * record in a batch fails alone. Runs are production runs (static data kept between them).
 */
import type { IDataObject } from 'n8n-workflow';
import { sandboxRecords } from '../e2e/lib/resourceWorkflows';
import { baseNodesInstalled } from './engine';
import { runTemplate as run, setConfig, useTemplateStack } from './fixture';

const describeWithN8n = baseNodesInstalled ? describe : describe.skip;
if (!baseNodesInstalled) console.warn('test/templates/sync.test.ts skipped: n8n 2.41.1 is not installed in .cache/n8n-host (bash scripts/lib/runtime.sh n8n)');

const stack = useTemplateStack();
const { sandbox, engineFor, ghlApi, contactEvent, newContact } = stack;

/** Everything a sync can write: GHL contacts, notes, tasks (the partner side is counted per test). */
function ghlCounts(): { contacts: number; notes: number; tasks: number } {
	const records = sandboxRecords(sandbox());
	return { contacts: records.contacts.length, notes: records.notes.length, tasks: records.tasks.length };
}

function notesWith(text: string): number {
	return sandboxRecords(sandbox()).notes.filter((n) => String(n.body).includes(text)).length;
}

function tasksWith(text: string): number {
	return sandboxRecords(sandbox()).tasks.filter((t) => `${t.title} ${t.body ?? ''}`.includes(text)).length;
}

function contactByEmail(email: string): IDataObject | undefined {
	return sandboxRecords(sandbox()).contacts.find((c) => c.email === email) as IDataObject | undefined;
}

/** A GHL outage for one kind of write: every matching request answers 500 until cleared. */
function ghlOutage(method: string, path: string): void {
	sandbox().injectFault({ kind: 'status', status: 500, count: 1000, match: { method, path } });
}

describeWithN8n('LeadSquared lead → HighLevel contact + note', () => {
	const file = 'leadsquared-lead-to-ghl-contact';
	const lead = () => stack.partners().leadsquared.samples['lead-created'] as Record<string, unknown>;
	const webhookItem = (leads: unknown[]) => [{ headers: {}, query: {}, body: leads }];

	test('replay ×2: the same webhook delivered three times writes one contact and one note', async () => {
		const engine = engineFor(file);
		const before = ghlCounts();
		await run(engine, 'Config', webhookItem([lead()]));
		const once = ghlCounts();
		expect(once).toEqual({ ...before, contacts: before.contacts + 1, notes: before.notes + 1 });
		await run(engine, 'Config', webhookItem([lead()]));
		await run(engine, 'Config', webhookItem([lead()]));
		expect(ghlCounts()).toEqual(once);
		const contact = contactByEmail('priya.raman@example.com')!;
		expect(contact.tags).toEqual(expect.arrayContaining([`lsq:${String(lead().ProspectID).toLowerCase()}`]));
		expect(contact.source).toBe('LeadSquared');
	});

	test('replay with an empty ledger (a manual run): the note is found by its marker, not created again', async () => {
		await run(engineFor(file), 'Config', webhookItem([lead()]));
		const once = ghlCounts();
		await run(engineFor(file), 'Config', webhookItem([lead()]));
		expect(ghlCounts()).toEqual(once);
		expect(notesWith(`[sync:lsq-lead:${String(lead().ProspectID)}@`)).toBe(1);
	});

	test('an existing contact keeps its source', async () => {
		await fetch(`${sandbox().url}/contacts/`, {
			method: 'POST',
			headers: { authorization: `Bearer ${sandbox().demo.privateToken}`, version: '2021-07-28', 'content-type': 'application/json' },
			body: JSON.stringify({ locationId: sandbox().demo.locationId, email: 'priya.raman@example.com', source: 'Facebook ad' }),
		});
		await run(engineFor(file), 'Config', webhookItem([lead()]));
		expect(contactByEmail('priya.raman@example.com')!.source).toBe('Facebook ad');
	});

	test('outage: GHL notes failing → the leads are on Failed items with the reason; the next run writes each note once', async () => {
		const engine = engineFor(file);
		const second = { ...lead(), ProspectID: 'a0000000-0000-4000-8000-000000000002', EmailAddress: 'second.lead@example.com', Phone: '' };
		ghlOutage('POST', '/notes');
		const failed = await run(engine, 'Config', webhookItem([lead(), second]));
		expect(failed.items('Failed items').map((i) => [i.record, i.failedStep])).toEqual([
			[`lsq-lead:${String(lead().ProspectID)}`, 'Create note'],
			['lsq-lead:a0000000-0000-4000-8000-000000000002', 'Create note'],
		]);
		expect(failed.items('Failed items').every((i) => /500|server|error/i.test(String(i.reason)))).toBe(true);
		expect(failed.items('Record as synced')).toEqual([]);
		sandbox().clearFaults();
		const later = await run(engine, 'Config', webhookItem([lead(), second]));
		expect(later.items('Failed items')).toEqual([]);
		expect(later.items('Record as synced')).toHaveLength(2);
		expect(notesWith('[sync:lsq-lead:')).toBe(2);
		await run(engine, 'Config', webhookItem([lead(), second]));
		expect(notesWith('[sync:lsq-lead:')).toBe(2);
	});

	test('bad item: one lead with a malformed email fails alone, the batch is written', async () => {
		const engine = engineFor(file);
		const bad = { ...lead(), ProspectID: 'bad-lead', EmailAddress: 'not-an-email' };
		const other = { ...lead(), ProspectID: 'a0000000-0000-4000-8000-000000000003', EmailAddress: 'third.lead@example.com', Phone: '' };
		const result = await run(engine, 'Config', webhookItem([lead(), bad, other]));
		expect(result.items('Failed items')).toEqual([{ record: 'lsq-lead:bad-lead', failedStep: 'Valid?', reason: 'invalid email not-an-email' }]);
		expect(result.items('Record as synced').map((i) => i.syncKey)).toEqual([`lsq-lead:${String(lead().ProspectID)}`, 'lsq-lead:a0000000-0000-4000-8000-000000000003']);
		expect(contactByEmail('third.lead@example.com')).toBeDefined();
	});

	test('catch-up: Leads.RecentlyModified feeds the same path; run twice it writes nothing more', async () => {
		const engine = engineFor(file, (json) => setConfig(json, 'catchUpFirstHours', 24 * 365 * 30));
		const first = await run(engine, 'Mark as catch-up');
		const leads = stack.partners().leadsquared.leads().filter((l) => l.EmailAddress || l.Phone);
		expect(first.items('Record as synced')).toHaveLength(leads.length);
		const once = ghlCounts();
		await run(engine, 'Mark as catch-up');
		expect(ghlCounts()).toEqual(once);
		expect(stack.partners().requestsFor('leadsquared', 'Leads.RecentlyModified')).toHaveLength(2);
	});
});

describeWithN8n('DPD purchases (polling) → HighLevel', () => {
	const file = 'dpd-purchases-poll-to-ghl';

	test('replay ×2: overlapping polls write each purchase once', async () => {
		const engine = engineFor(file);
		const first = await run(engine, 'Config');
		const purchases = stack.partners().dpd.purchases().filter((p) => ['ACT', 'RFD'].includes(p.status));
		expect(first.items('Record as synced')).toHaveLength(purchases.length);
		const once = ghlCounts();
		await run(engine, 'Config');
		await run(engine, 'Config');
		expect(ghlCounts()).toEqual(once);
		for (const p of purchases) expect([p.id, notesWith(`[sync:dpd-purchase:${p.id}]`) >= 1]).toEqual([p.id, true]);
	});

	test('outage: GHL upserts failing → every purchase on Failed items; the next poll writes each once, 0 lost', async () => {
		const engine = engineFor(file);
		const purchases = stack.partners().dpd.purchases().filter((p) => ['ACT', 'RFD'].includes(p.status));
		ghlOutage('POST', '/contacts/upsert');
		const failed = await run(engine, 'Config');
		expect(failed.items('Failed items').map((i) => i.failedStep)).toEqual(purchases.map(() => 'Create or update GHL contact'));
		expect(failed.items('Record as synced')).toEqual([]);
		sandbox().clearFaults();
		const later = await run(engine, 'Config');
		expect(later.items('Record as synced').map((i) => i.syncKey).sort()).toEqual(purchases.map((p) => `dpd-purchase:${p.id}-${p.status}`).sort());
		for (const p of purchases) expect([p.id, notesWith(`[sync:dpd-purchase:${p.id}]`)]).toEqual([p.id, 1]);
		await run(engine, 'Config');
		for (const p of purchases) expect([p.id, notesWith(`[sync:dpd-purchase:${p.id}]`)]).toEqual([p.id, 1]);
	});

	test('outage: DPD answering 503 to the listing → Failed items says so; the next poll writes every purchase', async () => {
		const engine = engineFor(file);
		const before = ghlCounts();
		stack.partners().faults.add({ partner: 'dpd', route: '/v2/purchases', kind: 'status', status: 503, count: 1 });
		const failed = await run(engine, 'Config');
		expect(failed.items('Failed items')).toEqual([{ record: 'dpd-listing', failedStep: 'Valid?', reason: expect.stringContaining('DPD answered') }]);
		expect(ghlCounts()).toEqual(before);
		const later = await run(engine, 'Config');
		expect(later.items('Record as synced')).toHaveLength(stack.partners().dpd.purchases().filter((p) => ['ACT', 'RFD'].includes(p.status)).length);
	});

	test('bad item: a purchase with a malformed buyer email fails alone', async () => {
		const engine = engineFor(file);
		stack.partners().dpd.addPurchase({ id: 29999999, buyer_email: 'broken-address', status: 'ACT' });
		const result = await run(engine, 'Config');
		expect(result.items('Failed items')).toEqual([{ record: 'dpd-purchase:29999999-ACT', failedStep: 'Valid?', reason: 'invalid buyer email broken-address' }]);
		expect(result.items('Record as synced').length).toBeGreaterThan(0);
	});
});

describeWithN8n('leadPops leads (polling) → HighLevel contacts + call tasks', () => {
	const file = 'leadpops-leads-poll-to-ghl';
	const wanted = () => stack.partners().leadpops.leads().filter((l) => l.funnel === 'SalCompany.clixwithus.com' || !l.funnel);

	test('replay ×2: overlapping polls create each call task once', async () => {
		const engine = engineFor(file, (json) => setConfig(json, 'funnels', ''));
		const first = await run(engine, 'Config');
		const synced = first.items('Record as synced');
		expect(synced.length).toBeGreaterThan(0);
		const once = ghlCounts();
		expect(tasksWith('[sync:leadpops-lead:')).toBe(synced.length);
		await run(engine, 'Config');
		await run(engine, 'Config');
		expect(ghlCounts()).toEqual(once);
		expect(wanted().length).toBeGreaterThan(0);
	});

	test('outage: GHL tasks failing → Failed items with the reason; the next poll creates each task once', async () => {
		const engine = engineFor(file, (json) => setConfig(json, 'funnels', ''));
		ghlOutage('POST', '/tasks');
		const failed = await run(engine, 'Config');
		const failedKeys = failed.items('Failed items').map((i) => i.record);
		expect(failedKeys.length).toBeGreaterThan(0);
		expect(failed.items('Failed items').every((i) => i.failedStep === 'Create call task' && String(i.reason).length > 0)).toBe(true);
		sandbox().clearFaults();
		const later = await run(engine, 'Config');
		expect(later.items('Record as synced').map((i) => i.syncKey).sort()).toEqual([...failedKeys].sort());
		expect(tasksWith('[sync:leadpops-lead:')).toBe(failedKeys.length);
	});

	test('outage: the leadPops listing timing out (connection dropped) → Failed items; the next poll writes every lead once', async () => {
		const engine = engineFor(file, (json) => setConfig(json, 'funnels', ''));
		const before = ghlCounts();
		stack.partners().faults.add({ partner: 'leadpops', kind: 'timeout', delayMs: 200 });
		const failed = await run(engine, 'Config');
		expect(failed.items('Failed items').map((i) => i.failedStep)).toEqual(['List leadPops leads']);
		expect(ghlCounts()).toEqual(before);
		const later = await run(engine, 'Config');
		const synced = later.items('Record as synced').length;
		expect(synced).toBeGreaterThan(0);
		await run(engine, 'Config');
		expect(tasksWith('[sync:leadpops-lead:')).toBe(synced);
	});

	test('bad item: a lead with a malformed email fails alone', async () => {
		const engine = engineFor(file, (json) => setConfig(json, 'funnels', ''));
		stack.partners().leadpops.addLead({ id: 'lp-broken', email: 'nope@', phone: '' });
		const result = await run(engine, 'Config');
		expect(result.items('Failed items')).toEqual([{ record: 'leadpops-lead:lp-broken', failedStep: 'Valid?', reason: 'invalid email nope@' }]);
		expect(result.items('Record as synced').length).toBeGreaterThan(0);
	});
});

describeWithN8n('LeadCars leads → HighLevel contacts + dealer tasks', () => {
	const file = 'leadcars-leads-to-ghl';

	test('replay ×2: an unchanged lead is written once; a field change in LeadCars updates the contact, a new LeadCars action adds one task', async () => {
		const engine = engineFor(file);
		await run(engine, 'Config');
		const once = ghlCounts();
		expect(tasksWith('[sync:leadcars-lead:799119@')).toBe(1);
		await run(engine, 'Config');
		await run(engine, 'Config');
		expect(ghlCounts()).toEqual(once);
		stack.partners().leadcars.patchLead(799119, { region: 'Toledo' });
		const changed = await run(engine, 'Config');
		expect(changed.items('Record as synced').map((i) => i.syncKey)).toEqual(['leadcars-lead:799119']);
		expect(contactByEmail('lucia.fernandez@example.es')).toMatchObject({ state: 'Toledo' });
		expect(tasksWith('[sync:leadcars-lead:799119@')).toBe(1);
		const comment = await fetch(`${stack.partners().leadcars.url}/leads/799119/comments`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'cliente-token': stack.partners().demo.leadcars.clienteToken },
			body: JSON.stringify({ comentario: 'Cliente confirma la cita' }),
		});
		expect(comment.status).toBe(201);
		await run(engine, 'Config');
		await run(engine, 'Config');
		expect(tasksWith('[sync:leadcars-lead:799119@')).toBe(2);
	});

	test('two LeadCars actions in the same second (date_last_action has 1 s resolution): the second still adds its task', async () => {
		const engine = engineFor(file);
		stack.pinPartnerClock(new Date('2026-11-30T10:00:00.000Z'));
		stack.partners().leadcars.patchLead(799119, { region: 'Toledo' });
		await run(engine, 'Config');
		expect(tasksWith('[sync:leadcars-lead:799119@')).toBe(1);
		stack.pinPartnerClock(new Date('2026-11-30T10:00:00.400Z'));
		const comment = await fetch(`${stack.partners().leadcars.url}/leads/799119/comments`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'cliente-token': stack.partners().demo.leadcars.clienteToken },
			body: JSON.stringify({ comentario: 'Cliente confirma la cita' }),
		});
		expect(comment.status).toBe(201);
		const after = await run(engine, 'Config');
		expect(after.items('Record as synced').map((i) => i.syncKey)).toEqual(['leadcars-lead:799119']);
		expect(tasksWith('[sync:leadcars-lead:799119@')).toBe(2);
	});

	test('outage: GHL upserts failing → both leads on Failed items; the next run writes each once', async () => {
		const engine = engineFor(file);
		ghlOutage('POST', '/contacts/upsert');
		const failed = await run(engine, 'Config');
		expect(failed.items('Failed items').map((i) => i.record)).toEqual(['leadcars-lead:799119', 'leadcars-lead:799121']);
		sandbox().clearFaults();
		await run(engine, 'Config');
		expect(tasksWith('[sync:leadcars-lead:799119@')).toBe(1);
		expect(tasksWith('[sync:leadcars-lead:799121@')).toBe(1);
	});

	test('outage: LeadCars answering 503 for one lead → that lead on Failed items, the other written; the next run writes it once', async () => {
		const engine = engineFor(file);
		stack.partners().faults.add({ partner: 'leadcars', route: '/leadinfos/799121', kind: 'status', status: 503, count: 1 });
		const failed = await run(engine, 'Config');
		expect(failed.items('Failed items')).toEqual([{ record: 'leadcars-lead:799121', failedStep: 'Valid?', reason: expect.stringContaining('Service Unavailable') }]);
		expect(failed.items('Record as synced').map((i) => i.syncKey)).toEqual(['leadcars-lead:799119']);
		await run(engine, 'Config');
		await run(engine, 'Config');
		expect(tasksWith('[sync:leadcars-lead:799121@')).toBe(1);
		expect(tasksWith('[sync:leadcars-lead:799119@')).toBe(1);
	});

	test('bad item: a lead with a malformed email fails alone', async () => {
		const engine = engineFor(file);
		stack.partners().leadcars.patchLead(799121, { email: 'broken@' });
		const result = await run(engine, 'Config');
		expect(result.items('Failed items')).toEqual([{ record: 'leadcars-lead:799121', failedStep: 'Valid?', reason: 'invalid email broken@' }]);
		expect(result.items('Record as synced').map((i) => i.syncKey)).toEqual(['leadcars-lead:799119']);
	});
});

function lsqWrites(): { capture: number; update: number } {
	return { capture: stack.partners().requestsFor('leadsquared', 'Lead.Capture').length, update: stack.partners().requestsFor('leadsquared', 'Lead.Update').length };
}

describeWithN8n('HighLevel contact → LeadSquared lead', () => {
	const file = 'ghl-contact-to-leadsquared';

	test('replay ×2: the same contact event three times creates one lead; its id comes back as the tag lsq:<id>', async () => {
		const engine = engineFor(file);
		const id = await newContact({ email: 'nina.kapoor@example.com', firstName: 'Nina', lastName: 'Kapoor', source: 'Website form' });
		const event = await contactEvent(id, 'ContactCreate');
		for (let i = 0; i < 3; i++) await run(engine, 'Config', [event]);
		expect(lsqWrites()).toEqual({ capture: 1, update: 0 });
		const lead = stack.partners().leadsquared.findLeadByEmail('nina.kapoor@example.com')!;
		expect(lead).toMatchObject({ FirstName: 'Nina', LastName: 'Kapoor', mx_GHL_Contact_Id: id, Source: 'HighLevel' });
		const { contact } = await ghlApi<{ contact: { tags: string[] } }>('GET', `/contacts/${id}`);
		expect(contact.tags).toContain(`lsq:${String(lead.ProspectID).toLowerCase()}`);
		// The tag is a change in GHL too; its event finds nothing to write.
		await run(engine, 'Config', [await contactEvent(id)]);
		expect(lsqWrites()).toEqual({ capture: 1, update: 0 });
	});

	test('an existing lead is changed with Lead.Update, only where it differs, and keeps its source', async () => {
		const engine = engineFor(file);
		const before = stack.partners().leadsquared.findLeadByEmail('priya.raman@example.com')!;
		const id = await newContact({ email: 'priya.raman@example.com', firstName: 'Priya', lastName: 'Raman-Iyer' });
		const result = await run(engine, 'Config', [await contactEvent(id)]);
		expect(lsqWrites()).toEqual({ capture: 0, update: 1 });
		expect(stack.partners().requestsFor('leadsquared', 'Lead.Update')[0].query).toMatchObject({ leadId: before.ProspectID });
		expect(result.items('Compare with the lead')[0].changes).toEqual([
			{ Attribute: 'LastName', Value: 'Raman-Iyer' },
			{ Attribute: 'mx_GHL_Contact_Id', Value: id },
		]);
		expect(stack.partners().leadsquared.findLeadByEmail('priya.raman@example.com')).toMatchObject({ LastName: 'Raman-Iyer', Source: before.Source });
		expect(stack.partners().leadsquared.takeWebhooks()).toEqual([]);
	});

	test('outage: LeadSquared answering 503 → the contact on Failed items with the reason; the next run creates the lead once', async () => {
		const engine = engineFor(file);
		const id = await newContact({ email: 'omar.haddad@example.com', firstName: 'Omar', lastName: 'Haddad' });
		stack.partners().faults.add({ partner: 'leadsquared', route: 'Lead.Capture', kind: 'status', status: 503, count: 5 });
		const failed = await run(engine, 'Config', [await contactEvent(id, 'ContactCreate')]);
		expect(failed.items('Failed items')).toEqual([{ record: `ghl-contact:${id}`, failedStep: 'LeadSquared Lead.Capture (new lead)', reason: expect.stringMatching(/503|Service Unavailable/) }]);
		expect(stack.partners().leadsquared.findLeadByEmail('omar.haddad@example.com')).toBeUndefined();
		stack.partners().faults.clear();
		await run(engine, 'Config', [await contactEvent(id, 'ContactCreate')]);
		await run(engine, 'Config', [await contactEvent(id, 'ContactCreate')]);
		expect(stack.partners().leadsquared.leads().filter((l) => l.EmailAddress === 'omar.haddad@example.com')).toHaveLength(1);
	});

	test("outage: LeadSquared's rate limit (429) → the contacts over it on Failed items; the next run writes each once", async () => {
		const engine = engineFor(file, (json) => {
			// Without the template's 2-per-second pacing, so three contacts meet a limit of 2 calls per minute.
			for (const node of json.nodes) if (node.type === 'n8n-nodes-base.httpRequest') delete (node.parameters.options as IDataObject).batching;
		});
		const ids = [];
		for (const name of ['Ana', 'Ben', 'Cy']) ids.push(await newContact({ email: `${name.toLowerCase()}.rate@example.com`, firstName: name, lastName: 'Rate' }));
		const events = await Promise.all(ids.map((id) => contactEvent(id, 'ContactCreate')));
		stack.partners().faults.limit('leadsquared', 2, 60_000);
		const limited = await run(engine, 'Config', events);
		const failed = limited.items('Failed items');
		expect(failed.length).toBeGreaterThan(0);
		// The reason carries the status and LeadSquared's own message.
		expect(failed.map((i) => String(i.reason))).toEqual(failed.map(() => expect.stringMatching(/^429 .*API calls exceeded the limit of 2 in 60 second\(s\)/)));
		stack.partners().faults.clear();
		await run(engine, 'Config', events);
		await run(engine, 'Config', events);
		for (const name of ['ana', 'ben', 'cy']) expect([name, stack.partners().leadsquared.leads().filter((l) => l.EmailAddress === `${name}.rate@example.com`).length]).toEqual([name, 1]);
	});

	test('bad item: a contact with a malformed email fails alone', async () => {
		const engine = engineFor(file);
		const id = await newContact({ email: 'lena.berg@example.com', firstName: 'Lena', lastName: 'Berg' });
		const broken = { event: 'ContactUpdate', payload: { id: 'BrokenContact0000001', email: 'broken@' }, fullRecord: {} };
		const result = await run(engine, 'Config', [broken, await contactEvent(id)]);
		expect(result.items('Failed items')).toEqual([{ record: 'ghl-contact:BrokenContact0000001', failedStep: 'Valid?', reason: 'invalid email broken@' }]);
		expect(stack.partners().leadsquared.findLeadByEmail('lena.berg@example.com')).toBeDefined();
	});
});

describeWithN8n('LeadSquared ⇄ HighLevel: echo round trip', () => {
	test('a change on either side is written once to the other and does not come back; later changes still flow both ways', async () => {
		const toGhl = engineFor('leadsquared-lead-to-ghl-contact', (json) => setConfig(json, 'catchUpFirstHours', 1));
		const toLsq = engineFor('ghl-contact-to-leadsquared');
		const priya = stack.partners().leadsquared.findLeadByEmail('priya.raman@example.com')!;
		const prospectId = String(priya.ProspectID);
		const upserts = (r: Awaited<ReturnType<typeof run>>) => r.items('Create or update GHL contact').length;

		// LeadSquared → GHL: a user edits the lead; the webhook brings it.
		stack.partners().leadsquared.editLead(prospectId, { mx_City: 'Mysuru' });
		const edited = stack.partners().leadsquared.takeWebhooks();
		expect(edited.map((w) => w.event)).toEqual(['lead-updated']);
		expect(upserts(await run(toGhl, 'Config', [{ headers: {}, query: {}, body: edited[0].payload }]))).toBe(1);
		const contactId = String(contactByEmail('priya.raman@example.com')!.id);
		expect(contactByEmail('priya.raman@example.com')).toMatchObject({ city: 'Mysuru' });
		// GHL reports the write; the other direction finds only the identity field to add, once.
		await run(toLsq, 'Config', [await contactEvent(contactId, 'ContactCreate')]);
		expect(stack.partners().requestsFor('leadsquared', 'Lead.Update').map((r) => r.body)).toEqual([[{ Attribute: 'mx_GHL_Contact_Id', Value: contactId }]]);
		expect(stack.partners().leadsquared.takeWebhooks()).toEqual([]);
		await run(toLsq, 'Config', [await contactEvent(contactId)]);
		expect(lsqWrites()).toEqual({ capture: 0, update: 1 });

		// GHL → LeadSquared: a user edits the contact.
		await ghlApi('PUT', `/contacts/${contactId}`, { lastName: 'Raman-Iyer' });
		const toLsqRun = await run(toLsq, 'Config', [await contactEvent(contactId)]);
		expect(toLsqRun.items('LeadSquared Lead.Update')).toHaveLength(1);
		expect(stack.partners().requestsFor('leadsquared', 'Lead.Update').at(-1)!.body).toEqual([{ Attribute: 'LastName', Value: 'Raman-Iyer' }]);
		// Lead.Update fires no webhook; the catch-up sees the lead modified and finds GHL already has it.
		expect(stack.partners().leadsquared.takeWebhooks()).toEqual([]);
		const notesBefore = ghlCounts().notes;
		const catchUp = await run(toGhl, 'Mark as catch-up');
		expect(catchUp.items('Plan: map, validate, skip synced').map((i) => i.email)).toContain('priya.raman@example.com');
		expect(catchUp.items('Compare with the GHL contact').map((i) => i.email)).not.toContain('priya.raman@example.com');
		expect(catchUp.items('Create or update GHL contact').filter((i) => (i.contact as IDataObject | undefined)?.id === contactId)).toEqual([]);
		expect(ghlCounts().notes).toBe(notesBefore);

		// Later real changes still flow, each once.
		stack.partners().leadsquared.editLead(prospectId, { Company: 'Raman Silks' });
		expect(upserts(await run(toGhl, 'Config', [{ headers: {}, query: {}, body: stack.partners().leadsquared.takeWebhooks()[0].payload }]))).toBe(1);
		expect(contactByEmail('priya.raman@example.com')).toMatchObject({ companyName: 'Raman Silks' });
		await run(toLsq, 'Config', [await contactEvent(contactId)]);
		await ghlApi('PUT', `/contacts/${contactId}`, { city: 'Chennai' });
		await run(toLsq, 'Config', [await contactEvent(contactId)]);
		expect(stack.partners().requestsFor('leadsquared', 'Lead.Update').map((r) => r.body)).toEqual([
			[{ Attribute: 'mx_GHL_Contact_Id', Value: contactId }],
			[{ Attribute: 'LastName', Value: 'Raman-Iyer' }],
			[{ Attribute: 'mx_City', Value: 'Chennai' }],
		]);
		expect(stack.partners().leadsquared.lead(prospectId)).toMatchObject({ mx_City: 'Chennai', Company: 'Raman Silks', LastName: 'Raman-Iyer' });
	});
});

describeWithN8n('LeadSquared activity → HighLevel task + note', () => {
	const file = 'leadsquared-activity-to-ghl-task';
	const activity = () => stack.partners().leadsquared.samples['activity-created'] as Record<string, unknown>;
	const webhookItem = (activities: unknown[]) => [{ headers: {}, query: {}, body: activities }];
	const marker = (id: unknown) => `[sync:lsq-activity:${String(id)}]`;

	test('replay ×2: the same activity delivered three times gives one task and one note', async () => {
		const engine = engineFor(file);
		for (let i = 0; i < 3; i++) await run(engine, 'Config', webhookItem([activity()]));
		expect(tasksWith(marker(activity().ProspectActivityId))).toBe(1);
		expect(notesWith(marker(activity().ProspectActivityId))).toBe(1);
		const contact = contactByEmail('priya.raman@example.com')!;
		expect(contact.tags).toEqual(expect.arrayContaining([`lsq:${String(activity().RelatedProspectId)}`]));
	});

	test('outage: GHL tasks failing → Failed items; the next delivery writes the task and the note once each', async () => {
		const engine = engineFor(file);
		ghlOutage('POST', '/tasks');
		const failed = await run(engine, 'Config', webhookItem([activity()]));
		expect(failed.items('Failed items')).toEqual([{ record: `lsq-activity:${String(activity().ProspectActivityId)}`, failedStep: 'Create follow-up task', reason: expect.any(String) }]);
		expect(notesWith(marker(activity().ProspectActivityId))).toBe(0);
		sandbox().clearFaults();
		await run(engine, 'Config', webhookItem([activity()]));
		await run(engine, 'Config', webhookItem([activity()]));
		expect(tasksWith(marker(activity().ProspectActivityId))).toBe(1);
		expect(notesWith(marker(activity().ProspectActivityId))).toBe(1);
	});

	test('outage after the task: notes failing → the next run writes the note and not the task again', async () => {
		const engine = engineFor(file);
		ghlOutage('POST', '/notes');
		const failed = await run(engine, 'Config', webhookItem([activity()]));
		expect(failed.items('Failed items').map((i) => [i.record, i.failedStep])).toEqual([[`lsq-activity:${String(activity().ProspectActivityId)}`, 'Create note']]);
		sandbox().clearFaults();
		await run(engine, 'Config', webhookItem([activity()]));
		expect(tasksWith(marker(activity().ProspectActivityId))).toBe(1);
		expect(notesWith(marker(activity().ProspectActivityId))).toBe(1);
	});

	test('bad item: an activity with a malformed email fails alone', async () => {
		const engine = engineFor(file);
		const bad = { ...activity(), ProspectActivityId: 'bad-activity', EmailAddress: 'broken@' };
		const result = await run(engine, 'Config', webhookItem([bad, activity()]));
		expect(result.items('Failed items')).toEqual([{ record: 'lsq-activity:bad-activity', failedStep: 'Valid?', reason: 'invalid email broken@' }]);
		expect(tasksWith(marker(activity().ProspectActivityId))).toBe(1);
	});

	test('catch-up: activities of recently modified leads, a missed one written once, a delivered one not again; our own activities are skipped', async () => {
		const engine = engineFor(file, (json) => setConfig(json, 'catchUpFirstHours', 24 * 365 * 30));
		const priya = stack.partners().leadsquared.findLeadByEmail('priya.raman@example.com')!;
		const post = (body: IDataObject) =>
			fetch(`${stack.partners().leadsquared.url}/v2/ProspectActivity.svc/Create?accessKey=${stack.partners().demo.leadsquared.accessKey}&secretKey=${stack.partners().demo.leadsquared.secretKey}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
		await post({ RelatedProspectId: priya.ProspectID, ActivityEvent: 201, ActivityNote: 'Visit on Friday', Fields: [{ SchemaName: 'mx_Custom_1', Value: '2030-01-04 10:00:00' }] });
		await post({ RelatedProspectId: priya.ProspectID, ActivityEvent: 202, ActivityNote: 'Demo on 2030-01-05 [sync:ghl-appointment:abc]' });
		await post({ RelatedProspectId: priya.ProspectID, ActivityEvent: 201, ActivityNote: 'Missed while n8n was down' });
		const [visit, ours, missed] = stack.partners().leadsquared.takeWebhooks();
		expect([visit.event, ours.event, missed.event]).toEqual(['activity-created', 'activity-created', 'activity-created']);
		// The webhook of the first one arrives; the catch-up then lists both.
		await run(engine, 'Config', webhookItem([visit.payload, ours.payload]));
		await run(engine, 'Mark as catch-up');
		await run(engine, 'Mark as catch-up');
		expect(tasksWith(marker(visit.payload.ProspectActivityId))).toBe(1);
		expect(notesWith(marker(visit.payload.ProspectActivityId))).toBe(1);
		expect(tasksWith(marker(missed.payload.ProspectActivityId))).toBe(1);
		expect(notesWith(marker(missed.payload.ProspectActivityId))).toBe(1);
		expect(tasksWith(marker(ours.payload.ProspectActivityId)) + notesWith(marker(ours.payload.ProspectActivityId))).toBe(0);
		expect(stack.partners().requestsFor('leadsquared', 'ProspectActivity.svc/Retrieve').length).toBeGreaterThanOrEqual(2);
	});
});

describeWithN8n('DPD purchase (IPN) → HighLevel contact, tags + note', () => {
	const file = 'dpd-ipn-to-ghl-contact';
	/** An IPN of one of the simulator's purchases, as the Webhook node outputs it. */
	const ipnOf = (fields: Record<string, string>) => ({ headers: {}, query: {}, body: fields });
	const firstPurchase = () => stack.partners().dpd.purchases().find((p) => p.status === 'ACT')!;
	const ipnForPurchase = () => {
		const p = firstPurchase();
		return stack.partners().dpd.issueIpn({ txn_id: String(p.id), payer_email: p.buyer_email });
	};

	test('replay ×2: the same IPN three times gives one note; the polling template (its catch-up) then adds none', async () => {
		const engine = engineFor(file);
		const ipn = ipnForPurchase();
		for (let i = 0; i < 3; i++) await run(engine, 'Config', [ipnOf(ipn)]);
		expect(notesWith(`[sync:dpd-purchase:${ipn.txn_id}]`)).toBe(1);
		const contact = contactByEmail(ipn.payer_email)!;
		expect(contact.source).toBe('DPD');
		expect(contact.tags).toEqual(expect.arrayContaining(['dpd-customer']));
		await run(engineFor('dpd-purchases-poll-to-ghl'), 'Config');
		expect(notesWith(`DPD purchase #${ipn.txn_id}:`)).toBe(1);
	});

	test('outage: DPD verify failing → the IPN on Failed items; DPD never resends, the polling template writes it once', async () => {
		const engine = engineFor(file);
		const ipn = ipnForPurchase();
		stack.partners().faults.add({ partner: 'dpd', route: 'notification/verify', kind: 'status', status: 502, count: 3 });
		const failed = await run(engine, 'Config', [ipnOf(ipn)]);
		expect(failed.items('Failed items')).toEqual([{ record: `dpd-purchase:${ipn.txn_id}-ACT`, failedStep: 'Verify the IPN with DPD', reason: expect.any(String) }]);
		expect(notesWith(`DPD purchase #${ipn.txn_id}:`)).toBe(0);
		stack.partners().faults.clear();
		const poll = engineFor('dpd-purchases-poll-to-ghl');
		await run(poll, 'Config');
		await run(poll, 'Config');
		expect(notesWith(`DPD purchase #${ipn.txn_id}:`)).toBe(1);
	});

	test('outage: GHL notes failing → Failed items; the next delivery writes the note once', async () => {
		const engine = engineFor(file);
		const ipn = ipnForPurchase();
		ghlOutage('POST', '/notes');
		const failed = await run(engine, 'Config', [ipnOf(ipn)]);
		expect(failed.items('Failed items').map((i) => [i.record, i.failedStep])).toEqual([[`dpd-purchase:${ipn.txn_id}-ACT`, 'Create note']]);
		sandbox().clearFaults();
		await run(engine, 'Config', [ipnOf(ipn)]);
		await run(engine, 'Config', [ipnOf(ipn)]);
		expect(notesWith(`[sync:dpd-purchase:${ipn.txn_id}]`)).toBe(1);
	});

	test('bad item: an IPN with a malformed payer email fails alone; a forged one is ignored', async () => {
		const engine = engineFor(file);
		const good = ipnForPurchase();
		const bad = stack.partners().dpd.issueIpn({ txn_id: '777', payer_email: 'broken@' });
		const forged = { ...stack.partners().dpd.ipnFields({ txn_id: '778' }), verify_sign: 'forged' };
		const result = await run(engine, 'Config', [ipnOf(bad), ipnOf(good), ipnOf(forged)]);
		expect(result.items('Failed items')).toEqual([{ record: 'dpd-purchase:777-ACT', failedStep: 'Valid?', reason: 'invalid payer email broken@' }]);
		expect(result.items('Ignore: not verified by DPD')).toHaveLength(1);
		expect(notesWith(`[sync:dpd-purchase:${good.txn_id}]`)).toBe(1);
	});
});

describeWithN8n('HighLevel appointment → LeadSquared appointment + activity', () => {
	const file = 'ghl-appointment-to-leadsquared';
	/** The seeded appointments of contacts that have an email, as the polling trigger emits them. */
	const appointments = (): IDataObject[] => {
		const records = sandboxRecords(sandbox());
		const withEmail = new Set(records.contacts.filter((c) => c.email).map((c) => c.id));
		return records.appointments.filter((a) => withEmail.has(a.contactId)).slice(0, 2) as unknown as IDataObject[];
	};
	const marker = (a: IDataObject) => `[sync:ghl-appointment:${String(a.id)}]`;
	const lsqTasksWith = (text: string) => stack.partners().leadsquared.tasks().filter((t) => t.Description.includes(text)).length;
	const lsqActivitiesWith = (text: string) => stack.partners().leadsquared.activities().filter((a) => a.ActivityNote.includes(text)).length;

	test('replay ×2: the same appointments three times give one LeadSquared task and one activity each', async () => {
		const engine = engineFor(file);
		const list = appointments();
		expect(list.length).toBeGreaterThan(0);
		for (let i = 0; i < 3; i++) await run(engine, 'Appointment', list);
		for (const a of list) expect([a.id, lsqTasksWith(marker(a)), lsqActivitiesWith(marker(a))]).toEqual([a.id, 1, 1]);
		// With an empty ledger (a manual run) the lookups still find them.
		await run(engineFor(file), 'Appointment', list);
		for (const a of list) expect([a.id, lsqTasksWith(marker(a)), lsqActivitiesWith(marker(a))]).toEqual([a.id, 1, 1]);
	});

	test("echo: the activity it posts is not turned back into a GHL task by the activity template", async () => {
		await run(engineFor(file), 'Appointment', appointments());
		const fired = stack.partners().leadsquared.takeWebhooks().filter((w) => w.event === 'activity-created');
		expect(fired.length).toBeGreaterThan(0);
		const before = ghlCounts();
		await run(engineFor('leadsquared-activity-to-ghl-task'), 'Config', [{ headers: {}, query: {}, body: fired.map((w) => w.payload) }]);
		expect(ghlCounts()).toEqual(before);
	});

	test('outage: LeadSquared activities answering 500 → Failed items; the next run posts each activity once and no second task', async () => {
		const engine = engineFor(file);
		const list = appointments();
		stack.partners().faults.add({ partner: 'leadsquared', route: 'ProspectActivity.svc/Create', kind: 'status', status: 500, count: 10 });
		const failed = await run(engine, 'Appointment', list);
		expect(failed.items('Failed items').map((i) => [i.record, i.failedStep])).toEqual(list.map((a) => [`ghl-appointment:${String(a.id)}`, 'LeadSquared: post activity']));
		stack.partners().faults.clear();
		await run(engine, 'Appointment', list);
		await run(engine, 'Appointment', list);
		for (const a of list) expect([a.id, lsqTasksWith(marker(a)), lsqActivitiesWith(marker(a))]).toEqual([a.id, 1, 1]);
	});

	test('replay ×2: rescheduled and renamed, then deleted in GHL: the LeadSquared meeting follows each change once, no second task or activity', async () => {
		const engine = engineFor(file);
		const [appointment] = appointments();
		await run(engine, 'Appointment', [appointment]);
		const lsqTask = () => stack.partners().leadsquared.tasks().filter((t) => t.Description.includes(marker(appointment)));
		expect(lsqTask()).toHaveLength(1);
		await calendarApi('PUT', `/calendars/events/appointments/${String(appointment.id)}`, { startTime: '2031-05-06T09:00:00+02:00', endTime: '2031-05-06T10:15:00+02:00', title: 'Moved call', ignoreFreeSlotValidation: true });
		const moved = await appointmentEvent(String(appointment.id), 'AppointmentUpdate');
		for (let i = 0; i < 3; i++) await run(engine, 'Appointment', [moved]);
		expect(lsqTask()).toEqual([expect.objectContaining({ Name: 'Moved call', DueDate: '2031-05-06 07:00:00', EndDate: '2031-05-06 08:15:00', StatusCode: 0, TaskType: 'Meeting' })]);
		expect(stack.partners().requestsFor('leadsquared', 'Task.svc/Update').map((r) => r.body)).toEqual([
			{ UserTaskId: lsqTask()[0].UserTaskId, Name: 'Moved call', DueDate: '2031-05-06 07:00:00', EndDate: '2031-05-06 08:15:00' },
		]);
		await calendarApi('DELETE', `/calendars/events/${String(appointment.id)}`, {});
		const deleted = { event: 'AppointmentDelete', locationId: sandbox().demo.locationId, payload: (moved.fullRecord as IDataObject) };
		for (let i = 0; i < 3; i++) await run(engine, 'Appointment', [deleted]);
		// With an empty ledger too: the meeting is cancelled already, nothing more is sent.
		await run(engineFor(file), 'Appointment', [deleted]);
		expect(lsqTask()).toEqual([expect.objectContaining({ Name: 'Moved call', StatusCode: 2, Status: 'Cancelled' })]);
		expect(stack.partners().requestsFor('leadsquared', 'Task.svc/Update')).toHaveLength(2);
		expect(stack.partners().requestsFor('leadsquared', 'Task.svc/Create')).toHaveLength(1);
		expect(lsqActivitiesWith(marker(appointment))).toBe(1);
		// A deleted appointment LeadSquared never had creates nothing.
		await run(engine, 'Appointment', [{ ...deleted, payload: { ...(deleted.payload as IDataObject), id: 'NeverSynced000000001' } }]);
		expect(stack.partners().requestsFor('leadsquared', 'Task.svc/Create')).toHaveLength(1);
	});

	test('outage: LeadSquared Task.svc/Update answering 503 on a reschedule → Failed items; the next delivery moves the meeting once', async () => {
		const engine = engineFor(file);
		const [appointment] = appointments();
		await run(engine, 'Appointment', [appointment]);
		await calendarApi('PUT', `/calendars/events/appointments/${String(appointment.id)}`, { startTime: '2031-05-07T09:00:00Z', endTime: '2031-05-07T09:30:00Z', ignoreFreeSlotValidation: true });
		const moved = await appointmentEvent(String(appointment.id), 'AppointmentUpdate');
		stack.partners().faults.add({ partner: 'leadsquared', route: 'Task.svc/Update', kind: 'status', status: 503, count: 5 });
		const failed = await run(engine, 'Appointment', [moved]);
		expect(failed.items('Failed items')).toEqual([{ record: `ghl-appointment:${String(appointment.id)}`, failedStep: 'LeadSquared: update appointment', reason: expect.stringMatching(/503|Service Unavailable/) }]);
		stack.partners().faults.clear();
		await run(engine, 'Appointment', [moved]);
		await run(engine, 'Appointment', [moved]);
		expect(stack.partners().leadsquared.tasks().filter((t) => t.Description.includes(marker(appointment))).map((t) => t.DueDate)).toEqual(['2031-05-07 09:00:00']);
	});

	test('bad item: an appointment without a start time fails alone', async () => {
		const engine = engineFor(file);
		const [good] = appointments();
		const bad = { ...good, id: 'BadAppointment000001', startTime: 'not a date', endTime: '' };
		const result = await run(engine, 'Appointment', [bad, good]);
		expect(result.items('Failed items')).toEqual([{ record: 'ghl-appointment:BadAppointment000001', failedStep: 'Valid?', reason: 'no valid start time' }]);
		expect(lsqTasksWith(marker(good))).toBe(1);
	});
});

describeWithN8n('HighLevel contact → LeadCars lead', () => {
	const file = 'ghl-contact-to-leadcars';
	const person = { email: 'marta.soler@example.es', firstName: 'Marta', lastName: 'Soler', phone: '+34612345678' };

	test('replay ×2: the same contact event three times creates one LeadCars lead, one tag and one note', async () => {
		const engine = engineFor(file);
		const id = await newContact(person);
		for (let i = 0; i < 3; i++) await run(engine, 'Config', [await contactEvent(id, 'ContactCreate')]);
		expect(stack.partners().leadcars.created()).toHaveLength(1);
		const { contact } = await ghlApi<{ contact: { tags: string[] } }>('GET', `/contacts/${id}`);
		const idTag = contact.tags.find((t) => t.startsWith('leadcars-id-'))!;
		expect(idTag).toMatch(/^leadcars-id-\d+$/);
		expect(notesWith(`[sync:leadcars-lead:${idTag.slice('leadcars-id-'.length)}]`)).toBe(1);
	});

	test('outage: GHL tagging failing after LeadCars created the lead → Failed items; the next run tags it without a second lead', async () => {
		const engine = engineFor(file);
		const id = await newContact(person);
		ghlOutage('POST', '/tags');
		const failed = await run(engine, 'Config', [await contactEvent(id, 'ContactCreate')]);
		expect(failed.items('Failed items').map((i) => [i.record, i.failedStep])).toEqual([[`ghl-contact:${id}`, 'Tag contact with the LeadCars id']]);
		expect(stack.partners().leadcars.created()).toHaveLength(1);
		sandbox().clearFaults();
		await run(engine, 'Config', [await contactEvent(id, 'ContactCreate')]);
		await run(engine, 'Config', [await contactEvent(id)]);
		expect(stack.partners().leadcars.created()).toHaveLength(1);
		const { contact } = await ghlApi<{ contact: { tags: string[] } }>('GET', `/contacts/${id}`);
		expect(contact.tags.filter((t) => t.startsWith('leadcars-id-'))).toHaveLength(1);
		expect(notesWith('[sync:leadcars-lead:')).toBe(1);
	});

	test('outage: LeadCars answering 503 → Failed items with the reason; the next run creates the lead once', async () => {
		const engine = engineFor(file);
		const id = await newContact(person);
		stack.partners().faults.add({ partner: 'leadcars', method: 'POST', route: '/leads', kind: 'status', status: 503, count: 3 });
		const failed = await run(engine, 'Config', [await contactEvent(id, 'ContactCreate')]);
		expect(failed.items('Failed items')).toEqual([{ record: `ghl-contact:${id}`, failedStep: 'LeadCars: create lead', reason: expect.stringMatching(/503|Service Unavailable/) }]);
		stack.partners().faults.clear();
		await run(engine, 'Config', [await contactEvent(id, 'ContactCreate')]);
		await run(engine, 'Config', [await contactEvent(id, 'ContactCreate')]);
		expect(stack.partners().leadcars.created()).toHaveLength(1);
	});

	test('bad item: a contact with a malformed email fails alone', async () => {
		const engine = engineFor(file);
		const id = await newContact(person);
		const broken = { event: 'ContactCreate', payload: { id: 'BrokenContact0000002', email: 'broken@', firstName: 'A', lastName: 'B' }, fullRecord: {} };
		const result = await run(engine, 'Config', [broken, await contactEvent(id, 'ContactCreate')]);
		expect(result.items('Failed items')).toEqual([{ record: 'ghl-contact:BrokenContact0000002', failedStep: 'Valid?', reason: 'invalid email broken@' }]);
		expect(stack.partners().leadcars.created()).toHaveLength(1);
	});

	test('echo: contacts the LeadCars → HighLevel template wrote are not sent back to LeadCars', async () => {
		await run(engineFor('leadcars-leads-to-ghl'), 'Config');
		const engine = engineFor(file);
		const written = sandboxRecords(sandbox()).contacts.filter((c) => (c.tags ?? []).some((t: string) => t.startsWith('leadcars-id-')));
		expect(written.length).toBe(2);
		for (const contact of written) await run(engine, 'Config', [await contactEvent(String(contact.id), 'ContactCreate')]);
		expect(stack.partners().leadcars.created()).toEqual([]);
	});
});

/** The calendars API of the sandbox (Version 2021-04-15). */
async function calendarApi(method: string, urlPath: string, body?: unknown): Promise<IDataObject> {
	const res = await fetch(`${sandbox().url}${urlPath}`, {
		method,
		headers: { authorization: `Bearer ${sandbox().demo.privateToken}`, version: '2021-04-15', 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = (await res.json()) as IDataObject;
	if (!res.ok) throw new Error(`${method} ${urlPath} → ${res.status} ${JSON.stringify(json)}`);
	return json;
}

/** What the HighLevel Trigger emits for an appointment event with Fetch Full Record: the appointment as GHL has it now. */
async function appointmentEvent(id: string, event: string): Promise<IDataObject> {
	const { event: record } = (await calendarApi('GET', `/calendars/events/appointments/${id}`)) as { event: IDataObject };
	return { event, locationId: sandbox().demo.locationId, payload: record, fullRecord: record };
}

/** What the HighLevel Trigger emits for a task event with Fetch Full Record: the task as GHL has it now. */
async function taskEvent(contactId: string, taskId: string, event = 'TaskComplete'): Promise<IDataObject> {
	const { task } = await ghlApi<{ task: IDataObject }>('GET', `/contacts/${contactId}/tasks/${taskId}`);
	const { id, title, body, dueDate, assignedTo } = task;
	return { event, locationId: sandbox().demo.locationId, payload: { id, contactId, title, body, dueDate, assignedTo }, fullRecord: task };
}

/** GHL tasks whose title or body holds `text`. */
function ghlTasksWith(text: string): IDataObject[] {
	return sandboxRecords(sandbox()).tasks.filter((t) => `${t.title} ${t.body ?? ''}`.includes(text)) as unknown as IDataObject[];
}

describeWithN8n('LeadSquared task → HighLevel task, status kept in step', () => {
	const file = 'leadsquared-task-to-ghl-task';
	const lsq = () => stack.partners().leadsquared;
	const sample = () => lsq().samples['task-created'] as Record<string, unknown>;
	const webhookItem = (events: unknown[]) => [{ headers: {}, query: {}, body: events }];
	const taskId = () => String(sample().UserTaskId);
	const lsqMarker = (id: string) => `[sync:lsq-task:${id}]`;

	test('replay ×2: the same task event three times gives one GHL task, field by field; completed in LeadSquared, it is completed in GHL once', async () => {
		const engine = engineFor(file);
		for (let i = 0; i < 3; i++) await run(engine, 'Config', webhookItem([sample()]));
		const contact = contactByEmail('priya.raman@example.com')!;
		expect(contact).toMatchObject({ firstName: 'Priya', lastName: 'Raman', source: 'LeadSquared' });
		expect(contact.tags).toEqual(expect.arrayContaining(['leadsquared', `lsq:${String(sample().RelatedEntityId)}`]));
		const lsqTask = lsq().task(taskId())!;
		const [task] = ghlTasksWith(lsqMarker(taskId()));
		expect(ghlTasksWith(lsqMarker(taskId()))).toHaveLength(1);
		expect(task).toMatchObject({ contactId: contact.id, title: lsqTask.Name, completed: false });
		expect(new Date(String(task.dueDate)).toISOString()).toBe(`${lsqTask.DueDate.replace(' ', 'T')}.000Z`);
		expect(String(task.body)).toContain(lsqTask.Description);
		expect(String(task.body)).toContain(`LeadSquared Call, owner ${lsqTask.OwnerEmailAddress}`);
		// The lead's meeting is the appointment template's.
		expect(ghlTasksWith('Site visit with Priya')).toHaveLength(0);

		lsq().editTask(taskId(), { StatusCode: 1 });
		const fired = lsq().takeWebhooks().filter((w) => w.event === 'task-completed');
		expect(fired).toHaveLength(1);
		for (let i = 0; i < 3; i++) await run(engine, 'Config', webhookItem([fired[0].payload]));
		expect(ghlTasksWith(lsqMarker(taskId())).map((t) => t.completed)).toEqual([true]);
		expect(sandbox().requests.filter((r) => r.method === 'PUT' && /\/tasks\/[^/]+\/completed$/.test(r.path))).toHaveLength(1);
		// Reopened in LeadSquared: reopened in GHL.
		lsq().editTask(taskId(), { StatusCode: 0 });
		await run(engine, 'Config', webhookItem([lsq().takeWebhooks()[0].payload]));
		expect(ghlTasksWith(lsqMarker(taskId())).map((t) => t.completed)).toEqual([false]);
	});

	test('outage: GHL tasks failing → Failed items; the catch-up writes the task once, nothing lost', async () => {
		const engine = engineFor(file);
		ghlOutage('POST', '/tasks');
		const failed = await run(engine, 'Config', webhookItem([sample()]));
		expect(failed.items('Failed items')).toEqual([{ record: `lsq-task:${taskId()}`, failedStep: 'Create GHL task', reason: expect.stringMatching(/500|server|error/i) }]);
		expect(failed.items('Record as synced')).toEqual([]);
		sandbox().clearFaults();
		const later = await run(engine, 'Mark as catch-up');
		expect(later.items('Record as synced').map((i) => i.syncKey)).toEqual([`lsq-task:${taskId()}`]);
		await run(engine, 'Mark as catch-up');
		expect(ghlTasksWith(lsqMarker(taskId()))).toHaveLength(1);
	});

	test('outage: LeadSquared answering 503 to the task listing → the lead on Failed items; the catch-up writes its task once', async () => {
		const engine = engineFor(file);
		stack.partners().faults.add({ partner: 'leadsquared', route: 'RetrieveTaskByLeadId', kind: 'status', status: 503, count: 1 });
		const failed = await run(engine, 'Config', webhookItem([sample()]));
		expect(failed.items('Failed items')).toEqual([
			{ record: `lsq-lead-tasks:${String(sample().RelatedEntityId)}`, failedStep: 'LeadSquared: tasks of the lead', reason: expect.stringMatching(/503|Service Unavailable/) },
		]);
		expect(ghlTasksWith(lsqMarker(taskId()))).toHaveLength(0);
		await run(engine, 'Mark as catch-up');
		await run(engine, 'Mark as catch-up');
		expect(ghlTasksWith(lsqMarker(taskId()))).toHaveLength(1);
	});

	test('echo: completed in GHL → completed in LeadSquared once; the LeadSquared events it causes change nothing in GHL', async () => {
		const engine = engineFor(file);
		await run(engine, 'Config', webhookItem([sample()]));
		const [task] = ghlTasksWith(lsqMarker(taskId()));
		await ghlApi('PUT', `/contacts/${String(task.contactId)}/tasks/${String(task.id)}/completed`, { completed: true });
		lsq().takeWebhooks();
		const back = engineFor('ghl-task-complete-to-leadsquared');
		const event = await taskEvent(String(task.contactId), String(task.id));
		await run(back, 'Completed task', [event]);
		expect(lsq().task(taskId())).toMatchObject({ StatusCode: 1, Status: 'Completed' });
		expect(stack.partners().requestsFor('leadsquared', 'Task.svc/Update')).toHaveLength(1);
		expect(stack.partners().requestsFor('leadsquared', 'Task.svc/Create')).toHaveLength(0);
		const fired = lsq().takeWebhooks();
		expect(fired.map((w) => w.event)).toEqual(['task-updated', 'task-completed']);
		const before = sandbox().requests.filter((r) => r.method !== 'GET').length;
		await run(engine, 'Config', webhookItem(fired.map((w) => w.payload)));
		expect(ghlTasksWith(lsqMarker(taskId()))).toEqual([expect.objectContaining({ id: task.id, completed: true })]);
		// The contact is upserted with the same values; no task is written.
		expect(sandbox().requests.filter((r) => r.method !== 'GET').slice(before).filter((r) => /\/tasks/.test(r.path))).toEqual([]);
		// The same GHL event again, with an empty ledger too: LeadSquared has it completed, nothing is sent.
		await run(back, 'Completed task', [event]);
		await run(engineFor('ghl-task-complete-to-leadsquared'), 'Completed task', [event]);
		expect(stack.partners().requestsFor('leadsquared', 'Task.svc/Update')).toHaveLength(1);
	});

	test('bad item: a task event without a lead fails alone; the others are written', async () => {
		const engine = engineFor(file);
		const result = await run(engine, 'Config', webhookItem([{ UserTaskId: 'orphan-task', Name: 'No lead' }, sample()]));
		expect(result.items('Failed items')).toEqual([{ record: 'lsq-task:orphan-task', failedStep: 'Lead named?', reason: 'the task event names no lead (RelatedEntityId)' }]);
		expect(ghlTasksWith(lsqMarker(taskId()))).toHaveLength(1);
	});
});

describeWithN8n('HighLevel task completed → LeadSquared task completed', () => {
	const file = 'ghl-task-complete-to-leadsquared';
	const lsq = () => stack.partners().leadsquared;
	/** The seeded completed task of the demo contact Ada (a GHL-only task). */
	const adaTask = () => sandboxRecords(sandbox()).tasks.find((t) => t.title === 'Send onboarding pack')!;
	const ghlMarker = (id: string) => `[sync:ghl-task:${id}]`;

	test('replay ×2: a GHL-only task completed, delivered three times, gives one LeadSquared to-do, completed, field by field', async () => {
		const engine = engineFor(file);
		const task = adaTask();
		const event = await taskEvent(task.contactId, task.id);
		for (let i = 0; i < 3; i++) await run(engine, 'Completed task', [event]);
		const ada = sandboxRecords(sandbox()).contacts.find((c) => c.id === task.contactId)!;
		const lead = lsq().findLeadByEmail(String(ada.email))!;
		expect(lead).toMatchObject({ FirstName: ada.firstName, LastName: ada.lastName, mx_GHL_Contact_Id: ada.id });
		const todos = lsq().tasks().filter((t) => t.Description.includes(ghlMarker(task.id)));
		expect(todos).toEqual([
			expect.objectContaining({
				Name: 'Send onboarding pack',
				RelatedEntityId: lead.ProspectID,
				TaskType: 'To-Do',
				StatusCode: 1,
				Status: 'Completed',
				DueDate: new Date(task.dueDate).toISOString().replace('T', ' ').slice(0, 19),
			}),
		]);
		expect(todos[0].Description).toContain(String(task.body));
		expect(stack.partners().requestsFor('leadsquared', 'Task.svc/Create')).toHaveLength(1);
		expect(stack.partners().requestsFor('leadsquared', 'Task.svc/Update')).toHaveLength(1);
		// With an empty ledger (a manual run) the to-do is found by its marker and is completed already.
		await run(engineFor(file), 'Completed task', [event]);
		expect(stack.partners().requestsFor('leadsquared', 'Task.svc/')).toHaveLength(2);
	});

	test('outage: LeadSquared Task.svc/Update answering 500 → Failed items; the next delivery completes it without a second to-do', async () => {
		const engine = engineFor(file);
		const task = adaTask();
		const event = await taskEvent(task.contactId, task.id);
		stack.partners().faults.add({ partner: 'leadsquared', route: 'Task.svc/Update', kind: 'status', status: 500, count: 10 });
		const failed = await run(engine, 'Completed task', [event]);
		expect(failed.items('Failed items')).toEqual([{ record: `ghl-task:${task.id}`, failedStep: 'LeadSquared: mark task completed', reason: expect.stringMatching(/500/) }]);
		expect(lsq().tasks().filter((t) => t.Description.includes(ghlMarker(task.id))).map((t) => t.StatusCode)).toEqual([0]);
		stack.partners().faults.clear();
		await run(engine, 'Completed task', [event]);
		await run(engine, 'Completed task', [event]);
		expect(lsq().tasks().filter((t) => t.Description.includes(ghlMarker(task.id))).map((t) => t.StatusCode)).toEqual([1]);
	});

	test('bad item: a task of an unknown contact fails alone; a reopened task is left alone', async () => {
		const engine = engineFor(file);
		const task = adaTask();
		const good = await taskEvent(task.contactId, task.id);
		const unknown = { event: 'TaskComplete', payload: { id: 'BadTask0000000000001', contactId: 'NoSuchContact0000001', title: 'x' } };
		const reopened = { ...good, payload: { ...(good.payload as IDataObject), id: 'Reopened000000000001' }, fullRecord: { ...(good.fullRecord as IDataObject), id: 'Reopened000000000001', completed: false } };
		const result = await run(engine, 'Completed task', [unknown, reopened, good]);
		expect(result.items('Failed items')).toEqual([{ record: 'ghl-task:BadTask0000000000001', failedStep: 'Get the GHL contact', reason: expect.any(String) }]);
		expect(result.items('Record as synced').map((i) => i.syncKey)).toEqual([`ghl-task:${task.id}`]);
	});
});

describeWithN8n('LeadSquared meeting → HighLevel appointment (reschedule and cancel included)', () => {
	const file = 'leadsquared-meeting-to-ghl-appointment';
	const lsq = () => stack.partners().leadsquared;
	const MEETING = 'd41e7b20-6a3c-4f15-8b2e-5c9a0e1f7d02';
	/** The meeting as LeadSquared's task webhook posts it (its newest event), or the seeded one. */
	const meetingEvent = () => {
		const { Id: _id, ...task } = lsq().task(MEETING)!;
		return [{ headers: {}, query: {}, body: [task] }];
	};
	const lsqMarker = `[sync:lsq-meeting:${MEETING}]`;
	const priyaAppointments = () => {
		const records = sandboxRecords(sandbox());
		const priya = records.contacts.find((c) => c.email === 'priya.raman@example.com');
		return priya ? records.appointments.filter((a) => a.contactId === priya.id) : [];
	};
	const calendarWrites = (method: string) => sandbox().requests.filter((r) => r.method === method && /^\/calendars\/events\/appointments/.test(r.path));

	test('replay ×2: the same meeting event three times books one appointment, field by field, linked back; rescheduled, then cancelled in LeadSquared, it is moved and cancelled once each', async () => {
		const engine = engineFor(file);
		for (let i = 0; i < 3; i++) await run(engine, 'Config', meetingEvent());
		const { calendars } = sandbox().snapshot() as { calendars: Array<{ id: string; name: string; teamMembers: string[] }> };
		const calendar = calendars.find((c) => c.name === 'Onboarding Session')!;
		const [appointment] = priyaAppointments();
		expect(priyaAppointments()).toHaveLength(1);
		expect(appointment).toMatchObject({ calendarId: calendar.id, title: 'Site visit with Priya', appointmentStatus: 'confirmed', assignedUserId: calendar.teamMembers[0] });
		expect([Date.parse(appointment.startTime), Date.parse(appointment.endTime)]).toEqual([Date.parse('2030-02-01T05:30:00Z'), Date.parse('2030-02-01T06:30:00Z')]);
		expect(appointment.description).toContain('Show the Whitefield branch');
		expect(appointment.description).toContain(lsqMarker);
		// GHL's own calendar notifications are the rep's reminder.
		expect(calendarWrites('POST').map((r) => (r.body as IDataObject).toNotify)).toEqual([true]);
		expect(lsq().task(MEETING)!.Description).toBe(`Show the Whitefield branch\n[sync:ghl-appointment:${appointment.id}]`);
		expect(stack.partners().requestsFor('leadsquared', 'Task.svc/Update')).toHaveLength(1);

		lsq().editTask(MEETING, { DueDate: '2030-02-03 05:30:00', EndDate: '2030-02-03 06:00:00', Name: 'Site visit (moved)' });
		for (let i = 0; i < 3; i++) await run(engine, 'Config', meetingEvent());
		expect(priyaAppointments()).toEqual([expect.objectContaining({ id: appointment.id, title: 'Site visit (moved)', appointmentStatus: 'confirmed' })]);
		expect(Date.parse(priyaAppointments()[0].startTime)).toBe(Date.parse('2030-02-03T05:30:00Z'));
		expect(Date.parse(priyaAppointments()[0].endTime)).toBe(Date.parse('2030-02-03T06:00:00Z'));
		lsq().editTask(MEETING, { StatusCode: 2 });
		for (let i = 0; i < 3; i++) await run(engine, 'Config', meetingEvent());
		await run(engineFor(file), 'Config', meetingEvent());
		expect(priyaAppointments()).toEqual([expect.objectContaining({ id: appointment.id, appointmentStatus: 'cancelled' })]);
		expect(calendarWrites('PUT')).toHaveLength(2);
		expect(calendarWrites('POST')).toHaveLength(1);
	});

	test('outage: GHL booking failing → Failed items; the catch-up books it once and links it', async () => {
		const engine = engineFor(file);
		ghlOutage('POST', '/calendars/events/appointments');
		const failed = await run(engine, 'Config', meetingEvent());
		expect(failed.items('Failed items')).toEqual([{ record: `lsq-meeting:${MEETING}`, failedStep: 'Book the GHL appointment', reason: expect.stringMatching(/500|server|error/i) }]);
		sandbox().clearFaults();
		await run(engine, 'Mark as catch-up');
		await run(engine, 'Mark as catch-up');
		expect(priyaAppointments()).toHaveLength(1);
		expect(lsq().task(MEETING)!.Description).toContain(`[sync:ghl-appointment:${priyaAppointments()[0].id}]`);
	});

	test('echo: booked from LeadSquared, its AppointmentCreate changes nothing in LeadSquared; moved in GHL, the LeadSquared webhook that causes changes nothing in GHL', async () => {
		await run(engineFor(file), 'Config', meetingEvent());
		const [appointment] = priyaAppointments();
		const back = engineFor('ghl-appointment-to-leadsquared');
		await run(back, 'Appointment', [await appointmentEvent(appointment.id, 'AppointmentCreate')]);
		expect(stack.partners().requestsFor('leadsquared', 'Task.svc/Create')).toHaveLength(0);
		expect(stack.partners().requestsFor('leadsquared', 'Task.svc/Update')).toHaveLength(1);
		expect(lsq().activities()).toEqual([]);
		lsq().takeWebhooks();
		await calendarApi('PUT', `/calendars/events/appointments/${appointment.id}`, { startTime: '2030-02-05T10:00:00Z', endTime: '2030-02-05T11:00:00Z', ignoreFreeSlotValidation: true });
		await run(back, 'Appointment', [await appointmentEvent(appointment.id, 'AppointmentUpdate')]);
		expect(lsq().task(MEETING)).toMatchObject({ DueDate: '2030-02-05 10:00:00', EndDate: '2030-02-05 11:00:00', StatusCode: 0 });
		const fired = lsq().takeWebhooks();
		expect(fired.map((w) => w.event)).toEqual(['task-updated']);
		const puts = calendarWrites('PUT').length;
		await run(engineFor(file), 'Config', [{ headers: {}, query: {}, body: fired.map((w) => w.payload) }]);
		expect(calendarWrites('PUT')).toHaveLength(puts);
		expect(calendarWrites('POST')).toHaveLength(1);
	});

	test('bad item: a meeting without a valid due date fails alone; the other is booked', async () => {
		const engine = engineFor(file);
		const broken = lsq().addTask({ Name: 'Broken meeting', RelatedEntityId: String(lsq().task(MEETING)!.RelatedEntityId), DueDate: 'soon', TaskType: 'Meeting' });
		const result = await run(engine, 'Config', meetingEvent());
		expect(result.items('Failed items')).toEqual([{ record: `lsq-meeting:${broken.Id}`, failedStep: 'Valid?', reason: 'no valid DueDate' }]);
		expect(priyaAppointments().map((a) => a.title)).toEqual(['Site visit with Priya']);
	});
});
