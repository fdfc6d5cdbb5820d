/**
 * The templates added for the seeds' remaining promises (templates/README.md, "Seed by seed"), run
 * in n8n-core with n8n 2.41.1's own base nodes against the GHL sandbox and the partner simulators,
 * as production runs (static data kept between runs). Records are compared on both sides field by
 * field; each template has a replay ×2 and an outage run; the paged sync runs at 5,000 contacts.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ContactRecord } from '../../sandbox/store';
import { sandboxRecords } from '../e2e/lib/resourceWorkflows';
import type { StoredCredential } from '../harness/credentials';
import { pitCredential } from '../harness/fixtures';
import { CREDENTIALS } from '../../templates/src/lib';
import { ANY_APP_SAMPLE } from '../../templates/src/anyAppToGhl';
import { baseNodesInstalled, TemplateEngine, type TemplateWorkflow } from './engine';
import { anyAppContactFields, setConfig, useTemplateStack } from './fixture';

const describeWithN8n = baseNodesInstalled ? describe : describe.skip;
if (!baseNodesInstalled) console.warn('test/templates/seeds.test.ts skipped: n8n 2.41.1 is not installed in .cache/n8n-host (bash scripts/lib/runtime.sh n8n)');

// Creating 5,000 contacts through the API needs more than GHL's burst limit; the templates' own
// calls are paced by the package as always.
const stack = useTemplateStack({ rateLimit: { max: 100_000, intervalMs: 1000, daily: 10_000_000 } });
const { sandbox, engineFor } = stack;

async function run(engine: TemplateEngine, start: string, input: IDataObject[] = [{}]) {
	const result = await engine.run(start, input, 'trigger');
	if (result.error) throw new Error(`${engine.workflow.name}: ${result.error}`);
	return result;
}

function demoContacts(): ContactRecord[] {
	return sandboxRecords(sandbox()).contacts.filter((c) => c.locationId === sandbox().demo.locationId);
}

async function api(method: string, path: string, body?: unknown, version = '2021-07-28'): Promise<IDataObject> {
	const response = await fetch(`${sandbox().url}${path}`, {
		method,
		headers: { authorization: `Bearer ${sandbox().demo.privateToken}`, version, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
	return (await response.json()) as IDataObject;
}

/** `count` contacts through the API, 8 at a time. */
async function createContacts(count: number): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const index = next++;
			await api('POST', '/contacts/', {
				locationId: sandbox().demo.locationId,
				firstName: `Bulk${index}`,
				lastName: 'Contact',
				email: `bulk${index}@example.com`,
				companyName: index % 2 ? 'Odd Ltd' : 'Even Inc',
				tags: [`batch-${index % 7}`],
			});
		}
	};
	await Promise.all(Array.from({ length: 8 }, worker));
}

/** What the app must hold for a GHL contact: the template's record, built here from the sandbox's own store. */
function expectedRecord(c: ContactRecord): IDataObject {
	return { externalId: `ghl:${c.id}`, ...anyAppContactFields(c), businessId: c.businessId ? String(c.businessId).trim() : '' } as IDataObject;
}

function appRecordsById(): Map<string, IDataObject> {
	return new Map(stack.partners().anyapp.records().map((r) => [r.externalId, r as IDataObject]));
}

function duplicates(): string[] {
	return [...stack.partners().anyapp.writes()].filter(([, count]) => count > 1).map(([id]) => id);
}

describeWithN8n('HighLevel contacts → any app (scheduled full sync, in pages)', () => {
	const file = 'ghl-contacts-to-any-app';

	test('replay ×2 at scale: 5,000 GHL contacts → 5,000 app records, field by field, 0 duplicates; two more runs write nothing', async () => {
		await createContacts(5000);
		const contacts = demoContacts();
		expect(contacts.length).toBeGreaterThanOrEqual(5000);
		const engine = engineFor(file, (json) => setConfig(json, 'pageSize', 250));
		const first = await run(engine, 'Config');
		const pages = Math.ceil(contacts.length / 250);
		expect(first.items('Record as synced')).toHaveLength(pages);
		expect(first.items('Failed items')).toEqual([]);
		expect(stack.partners().requestsFor('anyapp', '/api/records').filter((r) => r.method === 'POST')).toHaveLength(pages);
		const app = appRecordsById();
		expect(app.size).toBe(contacts.length);
		for (const contact of contacts) expect(app.get(`ghl:${contact.id}`)).toEqual(expectedRecord(contact));
		expect(duplicates()).toEqual([]);
		await run(engine, 'Config');
		await run(engine, 'Config');
		expect(stack.partners().requestsFor('anyapp', '/api/records').filter((r) => r.method === 'POST')).toHaveLength(pages);
		expect([...stack.partners().anyapp.writes().values()].reduce((a, b) => a + b, 0)).toBe(contacts.length);
	}, 300_000);

	test('outage: the app goes down half way through 5,000 contacts; the next run resumes there and writes each record once', async () => {
		await createContacts(5000);
		const contacts = demoContacts();
		const engine = engineFor(file, (json) => setConfig(json, 'pageSize', 250));
		const pages = Math.ceil(contacts.length / 250);
		const half = Math.floor(pages / 2);
		stack.partners().anyapp.goDownAfter(half);
		const stopped = await run(engine, 'Config');
		expect(stopped.items('Record as synced')).toHaveLength(half);
		const failed = stopped.items('Failed items');
		expect(failed).toHaveLength(pages - half);
		expect(failed.every((i) => i.failedStep === 'Send the page to the app' && /^ghl-contacts-page:/.test(String(i.record)) && /503|unavailable/i.test(String(i.reason)))).toBe(true);
		expect(stack.partners().anyapp.records()).toHaveLength(half * 250);
		stack.partners().anyapp.recover();
		const resumed = await run(engine, 'Config');
		expect(resumed.items('Failed items')).toEqual([]);
		expect(resumed.items('Record as synced')).toHaveLength(Math.ceil((contacts.length - half * 250) / 250));
		const app = appRecordsById();
		expect(app.size).toBe(contacts.length);
		for (const contact of contacts) expect(app.get(`ghl:${contact.id}`)).toEqual(expectedRecord(contact));
		expect(duplicates()).toEqual([]);
		expect([...stack.partners().anyapp.writes().values()].every((count) => count === 1)).toBe(true);
	}, 300_000);

	test('bad item: a contact without email or phone is on Failed items, the others are sent', async () => {
		const nameOnly = (await api('POST', '/contacts/', { locationId: sandbox().demo.locationId, firstName: 'Nameonly', lastName: 'Person' })).contact as IDataObject;
		const engine = engineFor(file);
		const result = await run(engine, 'Config');
		expect(result.items('Failed items')).toEqual([{ record: `ghl-contact:${String(nameOnly.id)}`, failedStep: 'Valid?', reason: 'no email or phone to match on' }]);
		const sent = demoContacts().filter((c) => c.id !== nameOnly.id);
		expect([...appRecordsById().keys()].sort()).toEqual(sent.map((c) => `ghl:${c.id}`).sort());
		for (const contact of sent) expect(appRecordsById().get(`ghl:${contact.id}`)).toEqual(expectedRecord(contact));
	});

	test('replay: one business only, then only what changed since the last complete run', async () => {
		const businessId = sandbox().demo.businessIds[0];
		const ofBusiness = demoContacts().filter((c) => c.businessId === businessId);
		expect(ofBusiness.length).toBeGreaterThan(0);
		const engine = engineFor(file, (json) => {
			setConfig(json, 'businessId', businessId);
			setConfig(json, 'onlyChangedSinceLastRun', true);
		});
		await run(engine, 'Config');
		expect([...appRecordsById().keys()].sort()).toEqual(ofBusiness.map((c) => `ghl:${c.id}`).sort());
		const searches = () => sandbox().requests.filter((r) => r.path === '/contacts/search');
		expect((searches()[0].body as IDataObject).filters).toEqual([{ field: 'businessId', operator: 'eq', value: businessId }]);
		// A change in GHL: the next run asks only for contacts updated since the last run, and sends that one.
		await api('PUT', `/contacts/${ofBusiness[0].id}`, { firstName: 'Renamed' });
		const before = searches().length;
		const next = await run(engine, 'Config');
		const filters = (searches()[before].body as IDataObject).filters as IDataObject[];
		expect(filters).toEqual([{ field: 'businessId', operator: 'eq', value: businessId }, { field: 'dateUpdated', operator: 'range', value: { gte: expect.any(String) } }]);
		expect(next.items('Record as synced')).toEqual([expect.objectContaining({ records: 1 })]);
		expect(appRecordsById().get(`ghl:${ofBusiness[0].id}`)!.firstName).toBe('Renamed');
		expect(stack.partners().anyapp.writes().get(`ghl:${ofBusiness[0].id}`)).toBe(2);
		expect(duplicates()).toEqual([`ghl:${ofBusiness[0].id}`]);
	});
});

describeWithN8n('Any app → HighLevel contacts + task + note', () => {
	const file = 'any-app-to-ghl';
	const webhookItem = (records: unknown[]) => [{ headers: {}, query: {}, body: { records } }];
	const sample = () => structuredClone(ANY_APP_SAMPLE.records[0]) as IDataObject & { task: IDataObject };
	const second = (): IDataObject => ({ id: 'app-1002', email: 'tomas.lindqvist@example.org', firstName: 'Tomas', lastName: 'Lindqvist', tags: 'enterprise' });
	const contactByEmail = (email: string) => demoContacts().find((c) => c.email === email);
	const notesOf = (contactId: string) => sandboxRecords(sandbox()).notes.filter((n) => n.contactId === contactId);
	const tasksOf = (contactId: string) => sandboxRecords(sandbox()).tasks.filter((t) => t.contactId === contactId);

	test('replay ×2: the same batch posted three times gives one contact, one task and one note per record, field by field', async () => {
		const engine = engineFor(file);
		for (let i = 0; i < 3; i++) await run(engine, 'Config', webhookItem([sample(), second()]));
		const noor = contactByEmail('noor.haddad@example.org')!;
		expect(noor).toMatchObject({ firstName: 'Noor', lastName: 'Haddad', companyName: 'Haddad Analytics', phone: '+15125550199', source: 'Any app' });
		expect([...noor.tags].sort()).toEqual(['any-app', 'newsletter', 'trial']);
		expect(tasksOf(noor.id)).toHaveLength(1);
		expect(tasksOf(noor.id)[0]).toMatchObject({ title: 'Call Noor about the trial', completed: false });
		expect(Date.parse(String(tasksOf(noor.id)[0].dueDate))).toBe(Date.parse('2030-01-15T15:00:00Z'));
		expect(tasksOf(noor.id)[0].body).toBe('Asked for a demo of the reporting module.\n[sync:any-app-task:app-1001]');
		expect(notesOf(noor.id).map((n) => n.body)).toEqual(['Signed up for the 14-day trial from the pricing page.\n[sync:any-app-note:app-1001]']);
		const tomas = contactByEmail('tomas.lindqvist@example.org')!;
		expect([...tomas.tags].sort()).toEqual(['any-app', 'enterprise']);
		expect(tasksOf(tomas.id).map((t) => t.title)).toEqual(['Follow up with Tomas Lindqvist']);
		expect(notesOf(tomas.id).map((n) => n.body)).toEqual(['Record app-1002 from Any app.\n[sync:any-app-note:app-1002]']);
		expect(demoContacts().filter((c) => ['noor.haddad@example.org', 'tomas.lindqvist@example.org'].includes(String(c.email)))).toHaveLength(2);
	});

	test('replay: dedupe: the same record twice in a batch counts once; another record for the same email updates that contact', async () => {
		const engine = engineFor(file);
		const renamed = { ...sample(), companyName: 'Haddad Data' };
		const result = await run(engine, 'Config', webhookItem([sample(), renamed, { id: 'app-2001', email: 'NOOR.HADDAD@example.org', lastName: 'Haddad-Lindqvist' }]));
		expect(result.items('Record as synced').map((i) => i.syncKey)).toEqual(['any-app-record:app-1001', 'any-app-record:app-2001']);
		const noors = demoContacts().filter((c) => c.email === 'noor.haddad@example.org');
		expect(noors).toHaveLength(1);
		expect(noors[0]).toMatchObject({ companyName: 'Haddad Data', lastName: 'Haddad-Lindqvist' });
		expect(tasksOf(noors[0].id)).toHaveLength(2);
		expect(notesOf(noors[0].id)).toHaveLength(2);
		// A record for someone GHL already has (seeded, source "form"): that contact is updated, keeps its source.
		const seeded = contactByEmail('grace.hopper@example.com')!;
		const count = demoContacts().length;
		await run(engine, 'Config', webhookItem([{ id: 'app-3001', email: 'grace.hopper@example.com', companyName: 'Navy Labs', tags: ['imported'] }]));
		expect(demoContacts()).toHaveLength(count);
		expect(contactByEmail('grace.hopper@example.com')).toMatchObject({ id: seeded.id, companyName: 'Navy Labs', source: seeded.source, tags: expect.arrayContaining([...seeded.tags, 'imported', 'any-app']) });
	});

	test('outage: GHL tasks failing → the records are on Failed items; the next post writes each task and note once', async () => {
		const engine = engineFor(file);
		sandbox().injectFault({ kind: 'status', status: 500, count: 1000, match: { method: 'POST', path: '/tasks' } });
		const failed = await run(engine, 'Config', webhookItem([sample(), second()]));
		expect(failed.items('Failed items').map((i) => [i.record, i.failedStep])).toEqual([
			['any-app-record:app-1001', 'Create task'],
			['any-app-record:app-1002', 'Create task'],
		]);
		expect(failed.items('Record as synced')).toEqual([]);
		sandbox().clearFaults();
		await run(engine, 'Config', webhookItem([sample(), second()]));
		await run(engine, 'Config', webhookItem([sample(), second()]));
		for (const email of ['noor.haddad@example.org', 'tomas.lindqvist@example.org']) {
			const contact = contactByEmail(email)!;
			expect([email, tasksOf(contact.id).length, notesOf(contact.id).length]).toEqual([email, 1, 1]);
		}
	});

	test('bad item: records without an id, without email or phone, or with a bad email fail alone', async () => {
		const engine = engineFor(file);
		const result = await run(engine, 'Config', webhookItem([{ email: 'no.id@example.com' }, { id: 'app-3', firstName: 'Nobody' }, { id: 'app-4', email: 'broken' }, second()]));
		expect(result.items('Failed items')).toEqual([
			{ record: 'any-app-record:', failedStep: 'Valid?', reason: 'no record id' },
			{ record: 'any-app-record:app-3', failedStep: 'Valid?', reason: 'no email or phone to match on' },
			{ record: 'any-app-record:app-4', failedStep: 'Valid?', reason: 'invalid email broken' },
		]);
		expect(result.items('Record as synced').map((i) => i.syncKey)).toEqual(['any-app-record:app-1002']);
	});
});

describeWithN8n('HighLevel bulk update: tags and fields on a filtered set of contacts', () => {
	const file = 'ghl-contacts-bulk-update';
	const edit = (json: TemplateWorkflow) => {
		setConfig(json, 'onlyContactsTagged', 'bulk-target');
		setConfig(json, 'addTags', 'reviewed, q1');
		setConfig(json, 'removeTags', 'bulk-target-old');
		const fields = json.nodes.find((n) => n.name === 'Fields to set (edit me)')!;
		const { assignments } = fields.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> };
		assignments.find((a) => a.name === 'city')!.value = 'Springfield';
		assignments.find((a) => a.name === 'timezone')!.value = 'America/Chicago';
	};
	const puts = () => sandbox().requests.filter((r) => r.method === 'PUT' && /^\/contacts\/[^/]+$/.test(r.path));

	async function targets(count: number): Promise<void> {
		for (let i = 0; i < count; i++) {
			await api('POST', '/contacts/', { locationId: sandbox().demo.locationId, firstName: `Target${i}`, email: `target${i}@example.com`, city: 'Old Town', tags: ['bulk-target', 'bulk-target-old', `keep-${i}`] });
		}
		await api('POST', '/contacts/', { locationId: sandbox().demo.locationId, firstName: 'Bystander', email: 'bystander@example.com', city: 'Old Town', tags: ['bulk-target-old'] });
	}

	test('replay ×2: matching contacts get the fields and tags, field by field, others untouched; two more runs write nothing', async () => {
		await targets(30);
		const before = new Map(demoContacts().map((c) => [c.id, structuredClone(c)]));
		const engine = engineFor(file, edit);
		const first = await run(engine, 'Config');
		expect(first.items('Record as synced')).toHaveLength(30);
		expect(first.items('Failed items')).toEqual([]);
		for (const contact of demoContacts()) {
			const old = before.get(contact.id)!;
			if (!old.tags.includes('bulk-target')) {
				expect([contact.email, contact.city, contact.tags, contact.timezone]).toEqual([old.email, old.city, old.tags, old.timezone]);
				continue;
			}
			const index = /^target(\d+)@/.exec(String(contact.email))![1];
			expect([contact.email, contact.city, contact.timezone, [...contact.tags].sort()]).toEqual([old.email, 'Springfield', 'America/Chicago', ['bulk-target', `keep-${index}`, 'q1', 'reviewed']]);
			expect([contact.firstName, contact.phone]).toEqual([old.firstName, old.phone]);
		}
		const written = puts().length;
		expect(written).toBe(30);
		await run(engine, 'Config');
		await run(engine, 'Config');
		expect(puts()).toHaveLength(written);
	});

	test('outage: GHL updates failing for 12 contacts → Failed items; the next run updates only those, each once', async () => {
		await targets(30);
		const engine = engineFor(file, edit);
		const down = demoContacts().filter((c) => c.tags.includes('bulk-target')).slice(0, 12);
		for (const c of down) sandbox().injectFault({ kind: 'status', status: 500, count: 1000, match: { method: 'PUT', path: `/contacts/${c.id}` } });
		const failed = await run(engine, 'Config');
		const failedItems = failed.items('Failed items');
		expect(failedItems.map((i) => i.record).sort()).toEqual(down.map((c) => `bulk-update:newsletter-review:${c.id}`).sort());
		expect(failedItems.every((i) => i.failedStep === 'Update the contact' && /^bulk-update:newsletter-review:/.test(String(i.record)))).toBe(true);
		expect(failed.items('Record as synced').length + failedItems.length).toBe(30);
		sandbox().clearFaults();
		const putsBefore = puts().filter((r) => r.status === 200).length;
		const later = await run(engine, 'Config');
		expect(later.items('Record as synced').map((i) => i.syncKey).sort()).toEqual(failedItems.map((i) => i.record).sort());
		expect(puts().filter((r) => r.status === 200).length - putsBefore).toBe(failedItems.length);
		expect(demoContacts().filter((c) => c.tags.includes('bulk-target')).every((c) => c.city === 'Springfield' && c.tags.includes('reviewed'))).toBe(true);
	});

	test('bad item: with nothing to change configured the run says so on Failed items, and nothing is written', async () => {
		await targets(3);
		const engine = engineFor(file, (json) => {
			setConfig(json, 'onlyContactsTagged', 'bulk-target');
			setConfig(json, 'addTags', '');
		});
		const result = await run(engine, 'Config');
		expect(result.items('Failed items')).toEqual([
			{ record: 'bulk-update:newsletter-review', failedStep: 'Valid?', reason: 'nothing to change: fill in "Fields to set (edit me)" or Config addTags/removeTags' },
		]);
		expect(puts()).toEqual([]);
	});
});

describeWithN8n('HighLevel follow-ups: list, filter, complete', () => {
	const file = 'ghl-follow-ups-list-complete';
	const day = 86_400_000;

	/** Two leadPops contacts with open, overdue and completed tasks; one untagged contact with a task. */
	async function followUps() {
		const contact = async (firstName: string, tags: string[]) =>
			(await api('POST', '/contacts/', { locationId: sandbox().demo.locationId, firstName, lastName: 'Lead', email: `${firstName.toLowerCase()}.lead@example.org`, tags })).contact as IDataObject;
		const task = async (contactId: unknown, title: string, dueInDays: number, completed = false) =>
			(await api('POST', `/contacts/${String(contactId)}/tasks`, { title, dueDate: new Date(Date.now() + dueInDays * day).toISOString(), completed })).task as IDataObject;
		const ana = await contact('Ana', ['leadpops']);
		const ben = await contact('Ben', ['leadpops']);
		const other = await contact('Cleo', ['other']);
		return {
			ana,
			ben,
			overdue: await task(ana.id, 'Call new leadPops lead: Ana Lead (Purchase)', -1),
			soon: await task(ana.id, 'Send the rate sheet', 3),
			done: await task(ana.id, 'Call new leadPops lead: earlier', -5, true),
			later: await task(ben.id, 'Call new leadPops lead: Ben Lead (Refinance)', 20),
			untagged: await task(other.id, 'Call Cleo', 1),
		};
	}

	const listed = (task: IDataObject, contact: IDataObject, overdue: boolean) => ({
		syncKey: `ghl-task-completed:${String(task.id)}`,
		syncHash: 'completed',
		taskId: task.id,
		contactId: contact.id,
		contactName: `${String(contact.firstName)} Lead`,
		email: contact.email,
		phone: '',
		title: task.title,
		dueDate: task.dueDate,
		overdue,
		complete: false,
	});

	test('replay ×2 read-only: on a token with only contacts.readonly the list holds each open task of the tagged contacts, field by field; three runs write nothing', async () => {
		const t = await followUps();
		const readOnly = String((sandbox().issueOAuthTokens({ scopes: ['contacts.readonly'] }) as unknown as IDataObject).access_token);
		// The token really cannot write: GHL refuses it on a task completion.
		const refused = await fetch(`${sandbox().url}/contacts/${String(t.ana.id)}/tasks/${String(t.soon.id)}/completed`, {
			method: 'PUT',
			headers: { authorization: `Bearer ${readOnly}`, version: '2021-07-28', 'content-type': 'application/json' },
			body: JSON.stringify({ completed: true }),
		});
		expect(refused.status).toBe(401);
		const engine = engineFor(file);
		const pit = engine.credentials as unknown as { add(c: StoredCredential): void };
		pit.add({ ...pitCredential(sandbox(), { accessToken: readOnly }), id: CREDENTIALS.ghlPit.id, name: CREDENTIALS.ghlPit.name });
		const requestsBefore = sandbox().requests.length;
		const expected = [listed(t.overdue, t.ana, true), listed(t.soon, t.ana, false), listed(t.later, t.ben, false)];
		for (let i = 0; i < 3; i++) {
			const result = await run(engine, 'Config');
			expect(result.items('Follow-up list')).toEqual(expected);
			expect(result.items('Failed items')).toEqual([]);
		}
		const calls = sandbox().requests.slice(requestsBefore);
		expect(calls.length).toBeGreaterThan(0);
		expect(calls.filter((r) => !(r.method === 'GET' || r.path === '/contacts/search'))).toEqual([]);
		expect(calls.every((r) => r.status === 200 && r.headers.authorization === `Bearer ${readOnly}`)).toBe(true);
	});

	test('replay ×2: with completeMatching the tasks that match the filters are completed once; later runs complete nothing', async () => {
		const t = await followUps();
		const engine = engineFor(file, (json) => {
			setConfig(json, 'completeMatching', true);
			setConfig(json, 'titleContains', 'call new leadpops');
			setConfig(json, 'dueWithinDays', 7);
		});
		const first = await run(engine, 'Config');
		expect(first.items('Record as synced').map((i) => i.syncKey)).toEqual([`ghl-task-completed:${String(t.overdue.id)}`]);
		const tasks = () => new Map(sandboxRecords(sandbox()).tasks.map((task) => [task.id, task]));
		expect([t.overdue, t.soon, t.done, t.later, t.untagged].map((task) => tasks().get(String(task.id))!.completed)).toEqual([true, false, true, false, false]);
		const completions = () => sandbox().requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/completed')).length;
		expect(completions()).toBe(1);
		await run(engine, 'Config');
		await run(engine, 'Config');
		expect(completions()).toBe(1);
	});

	test('outage: a contact whose task list fails is on Failed items (not listed as having none); completions failing are retried once by the next run', async () => {
		const t = await followUps();
		sandbox().injectFault({ kind: 'status', status: 500, count: 1000, match: { method: 'GET', path: `/contacts/${String(t.ana.id)}/tasks` } });
		const listOnly = await run(engineFor(file), 'Config');
		expect(listOnly.items('Failed items').map((i) => [i.record, i.failedStep])).toEqual([[`ghl-contact:${String(t.ana.id)}`, 'Tasks of each contact']]);
		expect(listOnly.items('Follow-up list').map((i) => i.taskId)).toEqual([t.later.id]);
		sandbox().clearFaults();

		const engine = engineFor(file, (json) => setConfig(json, 'completeMatching', true));
		sandbox().injectFault({ kind: 'status', status: 500, count: 1000, match: { method: 'PUT', path: `/contacts/${String(t.ben.id)}/tasks/${String(t.later.id)}/completed` } });
		const failed = await run(engine, 'Config');
		expect(failed.items('Failed items').map((i) => [i.record, i.failedStep])).toEqual([[`ghl-task-completed:${String(t.later.id)}`, 'Mark the task completed']]);
		expect(failed.items('Record as synced')).toHaveLength(2);
		sandbox().clearFaults();
		const later = await run(engine, 'Config');
		expect(later.items('Record as synced').map((i) => i.syncKey)).toEqual([`ghl-task-completed:${String(t.later.id)}`]);
		expect(sandboxRecords(sandbox()).tasks.filter((task) => [t.overdue.id, t.soon.id, t.later.id].includes(task.id)).every((task) => task.completed)).toBe(true);
	});
});

describeWithN8n('DPD purchases (polling): a DPD API error is visible', () => {
	const file = 'dpd-purchases-poll-to-ghl';

	test('a wrong DPD credential: DPD\'s 401 answer ends on Failed items with its message, nothing is written or recorded', async () => {
		const engine = engineFor(file);
		const helper = engine.credentials as unknown as { add(c: StoredCredential): void };
		helper.add({ id: CREDENTIALS.dpdApi.id, name: CREDENTIALS.dpdApi.name, type: 'httpBasicAuth', data: { user: 'dpd-demo-user', password: 'wrong-password' } });
		const contactsBefore = demoContacts().length;
		const result = await engine.run('Config', [{}], 'trigger');
		const failed = result.items('Failed items');
		expect(result.error).toBeUndefined();
		expect(failed).toEqual([{ record: 'dpd-listing', failedStep: 'Valid?', reason: expect.stringMatching(/UNAUTHORIZED.*Invalid username or API password/) }]);
		expect(stack.partners().requestsFor('dpd', '/purchases').every((r) => r.status === 401)).toBe(true);
		expect(result.items('Record as synced')).toEqual([]);
		expect(demoContacts()).toHaveLength(contactsBefore);
		expect(engine.staticData).toEqual({});
	});
});

describeWithN8n('HighLevel 360° view → LeadCars lead comment', () => {
	const file = 'ghl-contact-360-to-leadcars';
	const hour = 3_600_000;

	/** A GHL contact linked to a seeded LeadCars lead, with open and completed tasks, notes and an appointment. */
	async function linkedContact(firstName: string, leadCarsId: number, phone = '+34600111222', hoursAhead = 48) {
		const contact = (await api('POST', '/contacts/', { locationId: sandbox().demo.locationId, firstName, lastName: 'Dealer', email: `${firstName.toLowerCase()}.dealer@example.es`, phone, tags: ['leadcars', `leadcars-id-${leadCarsId}`, 'hot'] })).contact as IDataObject;
		const id = String(contact.id);
		await api('POST', `/contacts/${id}/tasks`, { title: 'Call about the test drive', dueDate: '2030-03-01T09:00:00.000Z', completed: false });
		await api('POST', `/contacts/${id}/tasks`, { title: 'Send the brochure', dueDate: '2025-03-01T09:00:00.000Z', completed: true });
		await api('POST', `/contacts/${id}/notes`, { body: 'Prefers the hybrid model.' });
		await api('POST', `/contacts/${id}/notes`, { body: 'Sent to LeadCars [sync:leadcars-lead:1]' });
		const start = new Date(Math.ceil((Date.now() + hoursAhead * hour) / hour) * hour);
		await api('POST', '/calendars/events/appointments', { calendarId: sandbox().demo.calendarIds[0], locationId: sandbox().demo.locationId, contactId: id, title: 'Test drive', startTime: start.toISOString(), endTime: new Date(start.getTime() + hour).toISOString() }, '2021-04-15');
		return { contact, start };
	}
	const leadIds = () => stack.partners().leadcars.leads().map((l) => Number(l.id));
	const commentsOf = (leadId: number) => stack.partners().leadcars.comments().filter((c) => c.leadId === leadId);

	test('replay ×2: one comment per linked contact with profile, open tasks, appointments and recent notes; unchanged views are not sent again, a new note sends one more', async () => {
		const [leadId] = leadIds();
		const { contact, start } = await linkedContact('Marta', leadId);
		const engine = engineFor(file);
		await run(engine, 'Config');
		await run(engine, 'Config');
		await run(engine, 'Config');
		const comments = commentsOf(leadId);
		expect(comments).toHaveLength(1);
		const day = (iso: string) => iso.slice(0, 16).replace('T', ' ');
		const stored = sandboxRecords(sandbox()).notes.find((n) => n.contactId === contact.id && n.body === 'Prefers the hybrid model.')!;
		expect(comments[0].comentario).toBe(
			[
				'HighLevel 360° view of Marta Dealer · marta.dealer@example.es · +34600111222',
				'Tags: hot',
				'Open tasks (1): 2030-03-01 09:00 Call about the test drive',
				`Upcoming appointments: ${day(start.toISOString())} Test drive`,
				`Recent notes: ${day(String(stored.dateAdded))} Prefers the hybrid model.`,
				`[sync:ghl-360:${String(contact.id)}]`,
			].join('\n'),
		);
		await api('POST', `/contacts/${String(contact.id)}/notes`, { body: 'Asked for financing.' });
		await run(engine, 'Config');
		await run(engine, 'Config');
		expect(commentsOf(leadId)).toHaveLength(2);
		expect(commentsOf(leadId)[1].comentario).toContain('Asked for financing.');
	});

	test('replay: with Config businessId only the linked contacts of that business get a view, those of another business none; again, nothing more', async () => {
		const [leadId] = leadIds();
		const [businessId, otherBusinessId] = sandbox().demo.businessIds;
		const inBusiness = await linkedContact('Marta', leadId);
		const otherBusiness = await linkedContact('Pablo', leadId, '+34600111333', 52);
		const locationId = sandbox().demo.locationId;
		await api('POST', '/contacts/bulk/business', { locationId, ids: [String(inBusiness.contact.id)], businessId });
		await api('POST', '/contacts/bulk/business', { locationId, ids: [String(otherBusiness.contact.id)], businessId: otherBusinessId });
		const sentFor = (contact: IDataObject) => commentsOf(leadId).filter((c) => c.comentario.endsWith(`[sync:ghl-360:${String(contact.id)}]`));
		const engine = engineFor(file, (json) => setConfig(json, 'businessId', businessId));
		const first = await run(engine, 'Config');
		expect(first.items('Record as synced').map((i) => i.syncKey)).toEqual([`leadcars-360:${String(inBusiness.contact.id)}`]);
		expect(first.items('Failed items')).toEqual([]);
		await run(engine, 'Config');
		expect([sentFor(inBusiness.contact), sentFor(otherBusiness.contact)].map((list) => list.length)).toEqual([1, 0]);
		// The other business's contact is a linked contact like any: without the filter it gets its view.
		await run(engineFor(file), 'Config');
		expect(sentFor(otherBusiness.contact)).toHaveLength(1);
	});

	test('outage: LeadCars answering 503 → the contact on Failed items; the next run posts the comment once', async () => {
		const [leadId] = leadIds();
		const { contact } = await linkedContact('Marta', leadId);
		const engine = engineFor(file);
		stack.partners().faults.add({ partner: 'leadcars', route: '/comments', kind: 'status', status: 503, count: 1000 });
		const failed = await run(engine, 'Config');
		expect(failed.items('Failed items').map((i) => [i.record, i.failedStep])).toEqual([[`leadcars-360:${String(contact.id)}`, 'Post the view as a LeadCars comment']]);
		expect(commentsOf(leadId)).toHaveLength(0);
		stack.partners().faults.clear();
		await run(engine, 'Config');
		await run(engine, 'Config');
		expect(commentsOf(leadId)).toHaveLength(1);
	});

	test('bad item: a contact linked to an unknown LeadCars lead fails alone (404); a GHL read failing keeps its contact out; the other is posted', async () => {
		const [leadId] = leadIds();
		const { contact } = await linkedContact('Marta', leadId);
		const unknown = await linkedContact('Pablo', 999_999, '+34600111333', 52);
		const unreadable = await linkedContact('Lucia', leadId, '+34600111444', 56);
		sandbox().injectFault({ kind: 'status', status: 500, count: 1000, match: { method: 'GET', path: `/contacts/${String(unreadable.contact.id)}/notes` } });
		const result = await run(engineFor(file), 'Config');
		expect(result.items('Failed items').map((i) => [i.record, i.failedStep]).sort()).toEqual([
			[`leadcars-360:${String(unknown.contact.id)}`, 'Post the view as a LeadCars comment'],
			[`leadcars-360:${String(unreadable.contact.id)}`, 'Notes of the contact'],
		].sort());
		expect(result.items('Record as synced').map((i) => i.syncKey)).toEqual([`leadcars-360:${String(contact.id)}`]);
		expect(commentsOf(leadId).map((c) => c.comentario.split('\n')[0])).toEqual(['HighLevel 360° view of Marta Dealer · marta.dealer@example.es · +34600111222']);
	});
});
