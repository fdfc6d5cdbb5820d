/**
 * The templates added for the seeds' remaining promises (templates 10–14 of templates/README.md) in a
 * real n8n 2.41.1 with our packed package, against the GHL sandbox and the partner simulators ("any
 * app" included): each run by hand once, and the any app → GHL webhook activated and called; the
 * agency fan-out (template 19) run by hand twice with the app uninstalled from one sub-account between;
 * the any-app round trip (template 20) by hand, then activated: a user's update, then its echoes.
 */
import type { Partners } from '../../sandbox/partners';
import { ANYAPP_DEMO } from '../../sandbox/partners/anyapp';
import { ANY_APP_CSV_SAMPLE } from '../../templates/src/anyAppToGhl';
import { useStack } from './lib/jest';
import { sandboxRecords } from './lib/resourceWorkflows';
import type { Stack } from './lib/stack';
import { listTemplates, localTemplate } from './lib/templates';
import { nodeOutput, runError, type RunJson } from './lib/workflows';

const stackRef = useStack();
const templates = Object.fromEntries(listTemplates().map((t) => [t.file.replace(/^.*\//, '').replace(/\.json$/, ''), t.json]));
const NAMES = ['ghl-contacts-to-any-app', 'any-app-to-ghl', 'ghl-contacts-bulk-update', 'ghl-follow-ups-list-complete', 'ghl-contact-360-to-leadcars', 'ghl-agency-fan-out', 'any-app-record-updated-round-trip'] as const;
const ids: Record<string, string> = {};

function partners(stack: Stack): Partners {
	return stack.partners as Partners;
}

beforeAll(async () => {
	const stack = stackRef();
	if (!stack.partners) throw new Error('The stack did not start the partner simulators (sandbox/partners)');
	const imported = await stack.importWorkflows(NAMES.map((name) => localTemplate(templates[name], { partnersUrl: partners(stack).url })));
	NAMES.forEach((name, i) => (ids[name] = imported[i]));
}, 120_000);

beforeEach(() => {
	stackRef().sandbox.reset();
	partners(stackRef()).reset();
});

async function runByHand(stack: Stack, name: string): Promise<RunJson> {
	const run = await stack.execute(ids[name]);
	const error = runError(run);
	if (error || run.status !== 'success') throw new Error(`${name}: ${error ?? run.status}`);
	return run;
}

/** A GHL API call to the sandbox with the demo private token. */
async function sandboxApi(stack: Stack, method: string, urlPath: string, body: unknown): Promise<Record<string, Record<string, unknown>>> {
	const res = await fetch(`${stack.sandbox.url}${urlPath}`, {
		method,
		headers: { authorization: `Bearer ${stack.sandbox.demo.privateToken}`, version: '2021-07-28', 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`${method} ${urlPath} → ${res.status}`);
	return (await res.json()) as Record<string, Record<string, unknown>>;
}

function demoContacts(stack: Stack) {
	return sandboxRecords(stack.sandbox).contacts.filter((c) => c.locationId === stack.sandbox.demo.locationId);
}

test('GHL contacts → any app: every contact of the location becomes one app record with its fields', async () => {
	const stack = stackRef();
	const run = await runByHand(stack, 'ghl-contacts-to-any-app');
	const contacts = demoContacts(stack);
	const records = new Map(partners(stack).anyapp.records().map((r) => [r.externalId, r]));
	expect(records.size).toBe(contacts.length);
	for (const c of contacts) {
		expect(records.get(`ghl:${c.id}`)).toMatchObject({ ghlContactId: c.id, firstName: c.firstName ?? '', email: (c.email ?? '').toLowerCase(), tags: [...c.tags].sort() });
	}
	expect(nodeOutput(run, 'Failed items')).toEqual([]);
	expect([...partners(stack).anyapp.writes().values()].every((count) => count === 1)).toBe(true);
});

test('Any app → GHL: by hand the sample record, activated a posted batch (wrong key refused) → contact, task and note', async () => {
	const stack = stackRef();
	await runByHand(stack, 'any-app-to-ghl');
	const noor = demoContacts(stack).find((c) => c.email === 'noor.haddad@example.org')!;
	expect(noor).toMatchObject({ firstName: 'Noor', lastName: 'Haddad', phone: '+15125550199', source: 'Any app' });
	const records = () => sandboxRecords(stack.sandbox);
	expect(records().tasks.filter((t) => t.contactId === noor.id).map((t) => t.title)).toEqual(['Call Noor about the trial']);
	expect(records().notes.filter((n) => n.contactId === noor.id)).toHaveLength(1);

	const id = ids['any-app-to-ghl'];
	await stack.activate(id);
	const url = stack.webhookUrl('any-app/records');
	const before = (await stack.executions(id)).length;
	const refused = await partners(stack).anyapp.sendRecords(url, [{ id: 'x', email: 'x@example.org' }], { 'x-webhook-key': 'wrong' });
	expect(refused.status).toBe(403);
	const sent = await partners(stack).anyapp.sendRecords(url, [{ id: 'app-9', email: 'tomas.lindqvist@example.org', firstName: 'Tomas', note: 'From the e2e test' }]);
	expect(sent.status).toBe(200);
	await stack.waitForExecutions(id, before + 1, 60_000);
	const tomas = demoContacts(stack).find((c) => c.email === 'tomas.lindqvist@example.org')!;
	expect(tomas).toMatchObject({ firstName: 'Tomas', source: 'Any app' });
	expect(records().notes.filter((n) => n.contactId === tomas.id).map((n) => n.body)).toEqual(['From the e2e test\n[sync:any-app-note:app-9]']);
	expect(await stack.executions(id)).toHaveLength(before + 1);
	await stack.deactivate(id);
});

test('Any app → GHL, CSV file: posted as text/csv to the active webhook → contacts, tasks and notes, the bad row on Failed items; the same file as a multipart upload writes nothing twice', async () => {
	const stack = stackRef();
	const id = ids['any-app-to-ghl'];
	await stack.activate(id);
	try {
		const url = stack.webhookUrl('any-app/records-csv');
		const key = { [ANYAPP_DEMO.webhookHeaderName]: ANYAPP_DEMO.webhookKey };
		const before = (await stack.executions(id)).length;
		const posted = await fetch(url, { method: 'POST', headers: { ...key, 'content-type': 'text/csv' }, body: ANY_APP_CSV_SAMPLE });
		expect(posted.status).toBe(200);
		const [first] = (await stack.waitForExecutions(id, before + 1, 60_000)).slice(-1);
		expect(runError(first)).toBeUndefined();
		expect(nodeOutput(first, 'Failed items')).toEqual([{ record: 'any-app-record:app-5003', failedStep: 'Valid?', reason: 'row 4: invalid email not-an-email' }]);
		const byEmail = (email: string) => demoContacts(stack).filter((c) => c.email === email);
		const [lena] = byEmail('lena.berg@example.org');
		expect(lena).toMatchObject({ firstName: 'Lena', lastName: 'Berg', phone: '+46701234567', companyName: 'Berg Design', source: 'Any app' });
		expect([...lena.tags].sort()).toEqual(['any-app', 'trial', 'webinar']);
		expect(byEmail('omar.farouk@example.org')).toEqual([expect.objectContaining({ firstName: 'Omar', companyName: 'Farouk & Sons, Ltd' })]);
		const records = () => sandboxRecords(stack.sandbox);
		expect(records().tasks.filter((t) => t.contactId === lena.id).map((t) => t.title)).toEqual(['Call Lena about the webinar']);
		expect(demoContacts(stack).some((c) => c.firstName === 'Broken')).toBe(false);
		const written = { contacts: records().contacts.length, tasks: records().tasks.length, notes: records().notes.length };
		expect(records().notes.filter((n) => n.contactId === lena.id).map((n) => n.body)).toEqual([expect.stringContaining('Imported from the webinar sign-up sheet.')]);

		const form = new FormData();
		form.append('file', new Blob([ANY_APP_CSV_SAMPLE], { type: 'text/csv' }), 'contacts.csv');
		expect((await fetch(url, { method: 'POST', headers: key, body: form })).status).toBe(200);
		const [second] = (await stack.waitForExecutions(id, before + 2, 60_000)).slice(-1);
		expect(runError(second)).toBeUndefined();
		expect(nodeOutput(second, 'Failed items').map((i) => i.reason)).toEqual(['row 4: invalid email not-an-email']);
		expect({ contacts: records().contacts.length, tasks: records().tasks.length, notes: records().notes.length }).toEqual(written);
	} finally {
		await stack.deactivate(id);
	}
});

test('Bulk update by hand: the contacts tagged newsletter get the tag reviewed, the others are untouched', async () => {
	const stack = stackRef();
	const before = new Map(demoContacts(stack).map((c) => [c.id, [...c.tags]]));
	const run = await runByHand(stack, 'ghl-contacts-bulk-update');
	const tagged = [...before].filter(([, tags]) => tags.includes('newsletter'));
	expect(tagged.length).toBeGreaterThan(0);
	expect(nodeOutput(run, 'Record as synced')).toHaveLength(tagged.length);
	for (const c of demoContacts(stack)) {
		const old = before.get(c.id) ?? [];
		expect([c.email, [...c.tags].sort()]).toEqual([c.email, (old.includes('newsletter') ? [...new Set([...old, 'reviewed'])] : old).sort()]);
	}
});

test('Follow-ups by hand: the open tasks of the leadpops-tagged contacts are listed, nothing is written', async () => {
	const stack = stackRef();
	const call = (method: string, urlPath: string, body: unknown) => sandboxApi(stack, method, urlPath, body);
	const { contact } = await call('POST', '/contacts/', { locationId: stack.sandbox.demo.locationId, firstName: 'Ana', lastName: 'Lead', email: 'ana.lead@example.org', tags: ['leadpops'] });
	const { task } = await call('POST', `/contacts/${String(contact.id)}/tasks`, { title: 'Call new leadPops lead: Ana Lead', dueDate: '2030-01-01T10:00:00.000Z', completed: false });
	const writesBefore = stack.sandbox.requests.filter((r) => r.method !== 'GET' && r.path !== '/contacts/search').length;
	const run = await runByHand(stack, 'ghl-follow-ups-list-complete');
	expect(nodeOutput(run, 'Follow-up list')).toEqual([
		expect.objectContaining({ taskId: task.id, contactId: contact.id, contactName: 'Ana Lead', email: 'ana.lead@example.org', title: 'Call new leadPops lead: Ana Lead', overdue: false, complete: false }),
	]);
	expect(stack.sandbox.requests.filter((r) => r.method !== 'GET' && r.path !== '/contacts/search')).toHaveLength(writesBefore);
});

test('360° view by hand: a contact linked to a LeadCars lead gets one comment with its profile, open task and note', async () => {
	const stack = stackRef();
	const call = (method: string, urlPath: string, body: unknown) => sandboxApi(stack, method, urlPath, body);
	const leadId = Number(partners(stack).leadcars.leads()[0].id);
	const { contact } = await call('POST', '/contacts/', { locationId: stack.sandbox.demo.locationId, firstName: 'Marta', lastName: 'Dealer', email: 'marta.dealer@example.es', tags: ['leadcars', `leadcars-id-${leadId}`] });
	await call('POST', `/contacts/${String(contact.id)}/tasks`, { title: 'Call about the test drive', dueDate: '2030-03-01T09:00:00.000Z', completed: false });
	await call('POST', `/contacts/${String(contact.id)}/notes`, { body: 'Prefers the hybrid model.' });
	await runByHand(stack, 'ghl-contact-360-to-leadcars');
	const comments = partners(stack).leadcars.comments().filter((c) => c.leadId === leadId);
	expect(comments).toHaveLength(1);
	expect(comments[0].comentario).toContain('HighLevel 360° view of Marta Dealer · marta.dealer@example.es');
	expect(comments[0].comentario).toContain('Open tasks (1): 2030-03-01 09:00 Call about the test drive');
	expect(comments[0].comentario).toContain('Prefers the hybrid model.');
	expect(comments[0].comentario).toContain(`[sync:ghl-360:${String(contact.id)}]`);
});

test('Agency fan-out by hand: each sub-account\'s contacts land under it; uninstalled from one, that one fails alone naming it', async () => {
	const stack = stackRef();
	const { locationId: first, otherLocationId: second, thirdLocationId: third } = stack.sandbox.demo;
	const createIn = async (locationId: string, email: string) => {
		const res = await fetch(`${stack.sandbox.url}/contacts/`, {
			method: 'POST',
			headers: { authorization: `Bearer ${stack.sandbox.issueOAuthTokens({ locationId }).access_token}`, version: '2021-07-28', 'content-type': 'application/json' },
			body: JSON.stringify({ locationId, firstName: 'Fan', lastName: 'Out', email }),
		});
		if (!res.ok) throw new Error(`POST /contacts/ in ${locationId} → ${res.status}`);
		return String(((await res.json()) as { contact: { id: string } }).contact.id);
	};
	await createIn(second, 'second@fan-out.example');
	await createIn(third, 'third@fan-out.example');
	const run = await runByHand(stack, 'ghl-agency-fan-out');
	const contacts = sandboxRecords(stack.sandbox).contacts.filter((c) => [first, second, third].includes(c.locationId) && (c.email || c.phone));
	const records = () => new Map(partners(stack).anyapp.records().map((r) => [r.externalId, r]));
	expect(records().size).toBe(contacts.length);
	for (const c of contacts) {
		expect(records().get(`ghl:${c.locationId}:${c.id}`)).toMatchObject({ subAccountId: c.locationId, ghlContactId: c.id, email: (c.email ?? '').toLowerCase() });
	}
	expect(nodeOutput(run, 'Record as synced').map((page) => page.subAccountId).sort()).toEqual([first, second, third].sort());

	// Uninstalled from the third: it fails alone with GHL's reason; the next contacts of the others are sent.
	stack.sandbox.setAppInstalled(third, false);
	const firstNew = await createIn(first, 'first.new@fan-out.example');
	const thirdNew = await createIn(third, 'third.new@fan-out.example');
	const revoked = await runByHand(stack, 'ghl-agency-fan-out');
	expect(nodeOutput(revoked, 'Failed items')).toEqual([
		{
			record: `ghl-sub-account:${third}`,
			failedStep: "Get the sub-account's changed contacts",
			reason: `Sub-account ${third}: GHL gave no token for it (GHL API error 400: This app is not installed in location ${third})`,
		},
	]);
	expect(records().get(`ghl:${first}:${firstNew}`)).toMatchObject({ subAccountId: first, email: 'first.new@fan-out.example' });
	expect(records().has(`ghl:${third}:${thirdNew}`)).toBe(false);
	expect([...partners(stack).anyapp.writes().values()].every((count) => count === 1)).toBe(true);
});

test('Any app round trip: by hand the sample update; activated, a user update → record, notes, tasks and tag once, its echoes start nothing', async () => {
	const stack = stackRef();
	const app = partners(stack).anyapp;
	const name = 'any-app-record-updated-round-trip';
	await runByHand(stack, name);
	const ada = demoContacts(stack).find((c) => c.email === 'ada.lovelace@example.com')!;
	expect(ada.tags).toContain('from-the-app');
	expect(app.records().find((r) => r.externalId === 'crm-ada')).toMatchObject({ ghlContactId: ada.id, firstName: 'Ada', email: 'ada.lovelace@example.com' });
	const records = () => sandboxRecords(stack.sandbox);
	expect(app.notes('crm-ada').map((n) => n.key).sort()).toEqual(records().notes.filter((n) => n.contactId === ada.id).map((n) => n.id).sort());

	const id = ids[name];
	await stack.activate(id);
	try {
		const url = stack.webhookUrl('any-app/record-updated');
		const grace = demoContacts(stack).find((c) => c.email === 'grace.hopper@example.com')!;
		app.editRecord('crm-grace', { email: 'grace.hopper@example.com', tags: ['renewal'] });
		const [update] = app.updateEvents().slice(-1);
		const before = (await stack.executions(id)).length;
		expect((await app.sendUpdate(url, update, { 'x-webhook-key': 'wrong' })).status).toBe(403);
		expect((await app.sendUpdate(url, update)).status).toBe(200);
		const [first] = (await stack.waitForExecutions(id, before + 1, 60_000)).slice(-1);
		expect(runError(first)).toBeUndefined();
		const tasks = records().tasks.filter((t) => t.contactId === grace.id);
		expect(app.tasks('crm-grace').map((t) => [t.key, t.title, t.completed])).toEqual(tasks.map((t) => [t.id, t.title, t.completed]));
		expect(app.notes('crm-grace').map((n) => n.body)).toEqual(records().notes.filter((n) => n.contactId === grace.id).map((n) => n.body));
		expect(demoContacts(stack).find((c) => c.id === grace.id)!.tags).toContain('renewal');

		const echoes = app.updateEvents();
		expect(echoes.length).toBeGreaterThan(1);
		const ghlRequests = stack.sandbox.requests.length;
		for (const echo of echoes) expect((await app.sendUpdate(url, echo)).status).toBe(200);
		const runs = await stack.waitForExecutions(id, before + 1 + echoes.length, 60_000);
		for (const run of runs.slice(-echoes.length)) expect([runError(run), nodeOutput(run, 'Find the GHL contact')]).toEqual([undefined, []]);
		expect(stack.sandbox.requests).toHaveLength(ghlRequests);
		expect(app.updateEvents()).toEqual([]);
		expect([...app.itemWrites()].filter(([key]) => key.startsWith('crm-grace/')).every(([, count]) => count === 1)).toBe(true);
	} finally {
		await stack.deactivate(id);
	}
});
