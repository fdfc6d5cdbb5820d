/**
 * Template 20 (any app record updated → full GHL contact, notes and tasks into the app, tags back to
 * GHL) in n8n-core with n8n 2.41.1's own base nodes against the GHL sandbox and the "any app"
 * simulator, as production runs (static data kept). The app's own update events (what it would post
 * for every change, the template's writes included) are fed back to the template for the echo case.
 */
import type { IDataObject } from 'n8n-workflow';
import type { AnyAppUpdateEvent } from '../../sandbox/partners/anyapp';
import type { ContactRecord } from '../../sandbox/store';
import { sandboxRecords } from '../e2e/lib/resourceWorkflows';
import { baseNodesInstalled, type TemplateEngine } from './engine';
import { anyAppContactFields, runTemplate, useTemplateStack } from './fixture';

const describeWithN8n = baseNodesInstalled ? describe : describe.skip;
if (!baseNodesInstalled) console.warn('test/templates/roundtrip.test.ts skipped: n8n 2.41.1 is not installed in .cache/n8n-host (bash scripts/lib/runtime.sh n8n)');

const stack = useTemplateStack();
const { sandbox, engineFor } = stack;
const app = () => stack.partners().anyapp;

const webhookItem = (body: AnyAppUpdateEvent | IDataObject): IDataObject[] => [{ headers: {}, query: {}, body: body as IDataObject }];
const deliver = (engine: TemplateEngine, event: AnyAppUpdateEvent | IDataObject) => runTemplate(engine, 'Config', webhookItem(event));
const contactByEmail = (email: string) => sandboxRecords(sandbox()).contacts.find((c) => c.email === email)!;
const notesOf = (contactId: string) => sandboxRecords(sandbox()).notes.filter((n) => n.contactId === contactId);
const tasksOf = (contactId: string) => sandboxRecords(sandbox()).tasks.filter((t) => t.contactId === contactId);
const tagPushes = () => sandbox().requests.filter((r) => r.method === 'POST' && /^\/contacts\/[^/]+\/tags$/.test(r.path));
const ghlWrites = () => sandbox().requests.filter((r) => r.method !== 'GET' && r.path !== '/contacts/search');
const twice = (counts: Map<string, number>) => [...counts].filter(([, count]) => count > 1).map(([id]) => id);

/** A user's edit of a record in the app's screens; the update event the app posts for it. */
function userEdit(externalId: string, fields: IDataObject): AnyAppUpdateEvent {
	app().editRecord(externalId, fields);
	return app().updateEvents().slice(-1)[0];
}

/** What the app must hold for the GHL contact after a round: its fields, its tags with the app's. */
function expectRecord(externalId: string, c: ContactRecord, own: IDataObject = {}): void {
	const fields = anyAppContactFields(c);
	expect(app().records().find((r) => r.externalId === externalId)).toEqual({ ...own, externalId, ...fields });
}

function expectNotesAndTasks(externalId: string, c: ContactRecord): void {
	const notes = notesOf(c.id);
	const tasks = tasksOf(c.id);
	expect(notes.length + tasks.length).toBeGreaterThan(0);
	const appNotes = new Map(app().notes(externalId).map((n) => [n.key, n]));
	expect([...appNotes.keys()].sort()).toEqual(notes.map((n) => n.id).sort());
	for (const n of notes) expect(appNotes.get(n.id)).toEqual({ key: n.id, externalId, body: n.body, ghlNoteId: n.id, dateAdded: n.dateAdded });
	const appTasks = new Map(app().tasks(externalId).map((t) => [t.key, t]));
	expect([...appTasks.keys()].sort()).toEqual(tasks.map((t) => t.id).sort());
	for (const t of tasks) {
		expect(appTasks.get(t.id)).toEqual({ key: t.id, externalId, title: t.title, body: t.body ?? '', dueDate: t.dueDate, completed: t.completed === true, ghlTaskId: t.id });
	}
}

describeWithN8n('Any app record updated → full HighLevel contact, notes and tasks into the app, tags back to HighLevel', () => {
	const file = 'any-app-record-updated-round-trip';

	test('replay ×2: the same update delivered three times writes the record, each GHL note and task once, field by field, and adds the app tags to GHL once', async () => {
		const engine = engineFor(file);
		const ada = contactByEmail('ada.lovelace@example.com');
		expect(notesOf(ada.id)).toHaveLength(2);
		expect(tasksOf(ada.id)).toHaveLength(2);
		const event = userEdit('crm-ada', { email: 'Ada.Lovelace@example.com', firstName: 'Ada L.', tags: ['from-the-app', 'VIP'], stage: 'customer' });
		for (let i = 0; i < 3; i++) await deliver(engine, event);
		const after = contactByEmail('ada.lovelace@example.com');
		// Tags added, never replaced: GHL's own kept, the app's new one in lower case; GHL's fields untouched.
		expect([...after.tags].sort()).toEqual([...new Set([...ada.tags, 'from-the-app', 'vip'])].sort());
		expect(after).toMatchObject({ firstName: ada.firstName, lastName: ada.lastName, companyName: ada.companyName });
		expect(tagPushes()).toHaveLength(1);
		expect(tagPushes()[0].body).toEqual({ tags: ['from-the-app'] });
		// The record's own fields come from GHL (its own columns kept); its notes and tasks are GHL's, keyed by id.
		expectRecord('crm-ada', after, { stage: 'customer' });
		expectNotesAndTasks('crm-ada', after);
		expect(app().writes().get('crm-ada')).toBe(1); // the user's edit is no API write
		expect(twice(app().itemWrites())).toEqual([]);
		expect([...app().itemWrites().values()].reduce((a, b) => a + b, 0)).toBe(4);
	});

	test('replay ×2: found by the GHL id the app holds; a note added and a task completed in GHL reach the app once, the rest is not written again', async () => {
		const engine = engineFor(file);
		const grace = contactByEmail('grace.hopper@example.com');
		// The app holds the GHL id under another email: the id wins.
		await deliver(engine, userEdit('crm-grace', { ghlContactId: grace.id, email: 'g.hopper@navy.example', tags: [] }));
		expectRecord('crm-grace', contactByEmail('grace.hopper@example.com'));
		expectNotesAndTasks('crm-grace', grace);
		const { note } = await stack.ghlApi<{ note: IDataObject }>('POST', `/contacts/${grace.id}/notes`, { body: 'Asked for the invoice again.' });
		const [task] = tasksOf(grace.id);
		await stack.ghlApi('PUT', `/contacts/${grace.id}/tasks/${task.id}/completed`, { completed: true });
		const writes = new Map(app().itemWrites());
		const event = userEdit('crm-grace', { stage: 'renewal' });
		for (let i = 0; i < 3; i++) await deliver(engine, event);
		expectNotesAndTasks('crm-grace', contactByEmail('grace.hopper@example.com'));
		expect(app().tasks('crm-grace').find((t) => t.key === task.id)).toMatchObject({ completed: true });
		const written = [...app().itemWrites()].filter(([key, count]) => count !== (writes.get(key) ?? 0)).map(([key, count]) => [key, count]);
		expect(written.sort()).toEqual([[`crm-grace/notes/${String(note.id)}`, 1], [`crm-grace/tasks/${task.id}`, 2]].sort());
		expect(tagPushes()).toHaveLength(0);
	});

	test('echo: the update events the app posts for the writes of this template start nothing; a user edit after them starts one round', async () => {
		const engine = engineFor(file);
		await deliver(engine, userEdit('crm-ada', { email: 'ada.lovelace@example.com', tags: ['from-the-app'] }));
		const echoes = app().updateEvents();
		expect(echoes).toHaveLength(5); // the record, two notes, two tasks
		const requests = sandbox().requests.length;
		const writes = { records: app().writes().get('crm-ada'), items: [...app().itemWrites().values()].reduce((a, b) => a + b, 0) };
		for (const echo of echoes) {
			const result = await deliver(engine, echo);
			expect([result.items('Find the GHL contact'), result.items('Failed items'), result.items('Record as synced')]).toEqual([[], [], []]);
		}
		expect(sandbox().requests).toHaveLength(requests);
		expect(app().updateEvents()).toEqual([]);
		expect({ records: app().writes().get('crm-ada'), items: [...app().itemWrites().values()].reduce((a, b) => a + b, 0) }).toEqual(writes);
		// A user's edit of a synced field is not taken for an echo: one round, its new tag reaches GHL.
		const record = app().records().find((r) => r.externalId === 'crm-ada')!;
		await deliver(engine, userEdit('crm-ada', { tags: [...(record.tags as string[]), 'hot'] }));
		expect(contactByEmail('ada.lovelace@example.com').tags).toContain('hot');
		expect(tagPushes().map((r) => r.body)).toEqual([{ tags: ['from-the-app'] }, { tags: ['hot'] }]);
		expect(twice(app().itemWrites())).toEqual([]);
	});

	test('outage: the app answering 503 after the record → notes and tasks on Failed items with the reason; the next delivery writes each once', async () => {
		const engine = engineFor(file);
		const event = userEdit('crm-ada', { email: 'ada.lovelace@example.com', tags: ['from-the-app'] });
		app().goDownAfter(1);
		const failed = await deliver(engine, event);
		const ada = contactByEmail('ada.lovelace@example.com');
		expect(failed.items('Failed items').map((i) => [i.record, i.failedStep, String(i.reason).slice(0, 3)]).sort()).toEqual(
			[...notesOf(ada.id).map((n) => `any-app-round:note:crm-ada:${n.id}`), ...tasksOf(ada.id).map((t) => `any-app-round:task:crm-ada:${t.id}`)].map((key) => [key, 'Write to the app', '503']).sort(),
		);
		expect(app().notes('crm-ada')).toEqual([]);
		app().recover();
		await deliver(engine, event);
		await deliver(engine, event);
		expectRecord('crm-ada', contactByEmail('ada.lovelace@example.com'));
		expectNotesAndTasks('crm-ada', ada);
		expect(app().writes().get('crm-ada')).toBe(1);
		expect(twice(app().itemWrites())).toEqual([]);
		expect(tagPushes()).toHaveLength(1);
	});

	test('outage: GHL task reads failing → the record on Failed items, nothing written to the app for it; the next delivery completes it once', async () => {
		const engine = engineFor(file);
		const event = userEdit('crm-ada', { email: 'ada.lovelace@example.com', tags: ['from-the-app'] });
		sandbox().injectFault({ kind: 'status', status: 500, count: 1000, match: { method: 'GET', path: '/tasks' } });
		const failed = await deliver(engine, event);
		expect(failed.items('Failed items').map((i) => [i.record, i.failedStep])).toEqual([['any-app-round:crm-ada', 'Tasks of the contact']]);
		expect(ghlWrites()).toEqual([]);
		expect(app().writes().get('crm-ada')).toBeUndefined();
		sandbox().clearFaults();
		await deliver(engine, event);
		await deliver(engine, event);
		expectNotesAndTasks('crm-ada', contactByEmail('ada.lovelace@example.com'));
		expect(app().writes().get('crm-ada')).toBe(1);
		expect(twice(app().itemWrites())).toEqual([]);
		expect(tagPushes()).toHaveLength(1);
	});

	test('bad item: a record without externalId, one with a bad email and one GHL does not have fail alone with their reason; the good one is written', async () => {
		const engine = engineFor(file);
		const result = await deliver(engine, {
			records: [
				{ email: 'no.id@example.com' },
				{ externalId: 'crm-bad', email: 'broken' },
				{ externalId: 'crm-nobody', email: 'nobody@example.org' },
				{ externalId: 'crm-ada', email: 'ada.lovelace@example.com' },
			],
		});
		expect(result.items('Failed items').sort((a, b) => String(a.record).localeCompare(String(b.record)))).toEqual([
			{ record: 'any-app-round:', failedStep: 'Valid?', reason: 'no record externalId' },
			{ record: 'any-app-round:crm-bad', failedStep: 'Valid?', reason: 'invalid email broken' },
			{ record: 'any-app-round:crm-nobody', failedStep: 'Contact found?', reason: 'no GHL contact with email nobody@example.org' },
		]);
		const ada = contactByEmail('ada.lovelace@example.com');
		expectRecord('crm-ada', ada);
		expectNotesAndTasks('crm-ada', ada);
		expect(app().records().map((r) => r.externalId)).toEqual(['crm-ada']);
	});
});

describe('any app simulator: notes and tasks of a record', () => {
	const put = (path: string, body: unknown, key = 'anyapp-demo-api-key') =>
		fetch(`${app().url}${path}`, { method: 'PUT', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: JSON.stringify(body) });

	test('keyed PUTs upsert; bad input, an unknown record and a wrong key are refused with a clear 4xx', async () => {
		expect((await put('/records/r1/notes/n1', { body: 'x' })).status).toBe(404);
		expect((await put('/records/r1', { firstName: 'R' })).status).toBe(200);
		expect((await put('/records/r1/notes/n1', { body: 'first' })).status).toBe(200);
		expect((await put('/records/r1/notes/n1', { body: 'second' })).status).toBe(200);
		expect(app().notes('r1')).toEqual([{ key: 'n1', externalId: 'r1', body: 'second' }]);
		const refused = await put('/records/r1/tasks/t1', { body: 'no title' });
		expect([refused.status, await refused.json()]).toEqual([422, { error: 'title (non-empty string) is required' }]);
		expect((await put('/records/r1/tasks/t1', { title: 'T', dueDate: 'soon' })).status).toBe(422);
		expect((await put('/records/r1', { externalId: 'other' })).status).toBe(422);
		expect((await put('/records/r1/notes/n2', { body: 'x' }, 'wrong')).status).toBe(401);
		const list = await fetch(`${app().url}/records/r1/notes`, { headers: { 'x-api-key': 'anyapp-demo-api-key' } });
		expect(await list.json()).toEqual({ notes: [{ key: 'n1', externalId: 'r1', body: 'second' }] });
		expect(app().updateEvents().map((e) => e.record.externalId)).toEqual(['r1', 'r1', 'r1']);
	});
});
