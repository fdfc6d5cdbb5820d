/**
 * Writes that fail in transit: a 5xx or a dropped connection, before or after GHL applied the
 * write. A write that is safe to repeat is repeated and written once; a create (contact, task, note,
 * appointment, upsert that always creates) is sent again only after GHL shows the record is not
 * there, and a record found is the result; a write nothing can check (workflow enrolment), or whose
 * check cannot tell, is not repeated and the error says it may have been saved; a repeated delete
 * that finds the record gone reports success. GHL's error bodies are shown only as short, safe
 * messages.
 */
import type { IDataObject } from 'n8n-workflow';
import { pitCredential } from '../harness/fixtures';
import { nodeTests } from '../nodes/kit';

const { sandbox, run, api } = nodeTests();

type StoredContact = { id: string; email?: string; locationId: string };
const contactsWithEmail = (email: string) =>
	(sandbox().snapshot() as unknown as { contacts: StoredContact[] }).contacts.filter((contact) => contact.email === email);

const requestsTo = (result: { requests: Array<{ operationId?: string }> }, operationId: string) =>
	result.requests.filter((request) => request.operationId === operationId).length;

describe('a write lost in transit is never written twice', () => {
	test('Create or Update (upsert) is repeated after a 502 that came after the write: one contact', async () => {
		sandbox().injectFault({ kind: 'status-after', status: 502, count: 1, match: { path: '/contacts/upsert' } });
		const result = await run({ resource: 'contact', operation: 'upsert', email: 'lost-upsert@example.com' });
		expect(result.error).toBeUndefined();
		expect(requestsTo(result, 'upsert-contact')).toBe(2);
		expect(contactsWithEmail('lost-upsert@example.com')).toHaveLength(1);
	});

	test('Create or Update with "Create New If Duplicates Allowed" is not repeated blindly: GHL is asked, the contact found is the result', async () => {
		const { otherLocationId, otherLocationToken } = sandbox().demo;
		const credential = pitCredential(sandbox(), { accessToken: otherLocationToken, locationId: otherLocationId });
		sandbox().injectFault({ kind: 'status-after', status: 502, count: 1, match: { path: '/contacts/upsert' } });
		const result = await run(
			{ resource: 'contact', operation: 'upsert', email: 'lost-dup@example.com', options: { createNewIfDuplicateAllowed: true } },
			{ credential },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => `${request.operationId} ${request.status}`)).toEqual(['upsert-contact 502', 'get-duplicate-contact 200']);
		expect(contactsWithEmail('lost-dup@example.com')).toHaveLength(1);
		expect(result.out[0]).toMatchObject({ id: contactsWithEmail('lost-dup@example.com')[0].id, email: 'lost-dup@example.com' });
	});

	test('Create after a dropped connection that came after the write: GHL is asked, the contact found is the result (one contact)', async () => {
		sandbox().injectFault({ kind: 'reset-after', count: 1, match: { method: 'POST', path: '/contacts/' } });
		const result = await run({ resource: 'contact', operation: 'create', email: 'lost-create@example.com', additionalFields: { firstName: 'Lost' } });
		expect(result.error).toBeUndefined();
		expect(requestsTo(result, 'create-contact')).toBe(1);
		expect(requestsTo(result, 'get-duplicate-contact')).toBe(1);
		expect(contactsWithEmail('lost-create@example.com')).toHaveLength(1);
		expect(result.out[0]).toMatchObject({ id: contactsWithEmail('lost-create@example.com')[0].id, firstName: 'Lost' });
	});

	test('Create after a 503 that came before the write: GHL is asked, finds nothing, and the contact is written once', async () => {
		sandbox().injectFault({ kind: 'status', status: 503, count: 1, match: { method: 'POST', path: '/contacts/' } });
		const result = await run({ resource: 'contact', operation: 'create', email: 'not-written@example.com' });
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => `${request.operationId ?? request.path} ${request.status}`)).toEqual([
			'/contacts/ 503',
			'get-duplicate-contact 200',
			'create-contact 201',
		]);
		expect(contactsWithEmail('not-written@example.com')).toHaveLength(1);
	});

	test('Create whose check fails too: not sent again, the error says it may be saved and why GHL could not tell', async () => {
		sandbox().injectFault({ kind: 'status-after', status: 500, count: 1, match: { method: 'POST', path: '/contacts/' } });
		sandbox().injectFault({ kind: 'status', status: 500, count: 4, match: { method: 'GET', path: '/contacts/search/duplicate' } });
		const result = await run({ resource: 'contact', operation: 'create', email: 'unknown@example.com' });
		expect(requestsTo(result, 'create-contact')).toBe(1);
		expect(contactsWithEmail('unknown@example.com')).toHaveLength(1);
		expect(String(result.error?.message)).toContain('GHL API error 500');
		expect(String(result.error?.description)).toMatch(/may have saved this write before the failure, and looking for it in GHL did not tell \(GHL API error 500/);
	});

	test('Create of a contact whose email an older contact has: GHL cannot tell, so not sent again', async () => {
		const { otherLocationId, otherLocationToken } = sandbox().demo;
		const credential = pitCredential(sandbox(), { accessToken: otherLocationToken, locationId: otherLocationId });
		const older = (sandbox().snapshot() as unknown as { contacts: StoredContact[] }).contacts.find(
			(contact) => contact.locationId === otherLocationId && contact.email,
		)!;
		sandbox().injectFault({ kind: 'status', status: 502, count: 1, match: { method: 'POST', path: '/contacts/' } });
		const result = await run({ resource: 'contact', operation: 'create', email: older.email! }, { credential });
		expect(requestsTo(result, 'create-contact')).toBe(0);
		expect(String(result.error?.description)).toMatch(/did not tell \(a contact with this email existed before this write\)/);
	});

	test('Create task, note and appointment after a 502 that came after the write: each found and returned, written once', async () => {
		const contact = (sandbox().snapshot() as unknown as { contacts: StoredContact[] }).contacts.find(
			(candidate) => candidate.locationId === sandbox().demo.locationId,
		)!;
		const contactId = { mode: 'id', value: contact.id };
		for (const path of ['/tasks', '/notes', '/calendars/events/appointments']) {
			sandbox().injectFault({ kind: 'status-after', status: 502, count: 1, match: { method: 'POST', path } });
		}
		const task = await run({ resource: 'task', operation: 'create', contactId, title: 'Lost task', dueDate: '2031-03-04T10:00:00Z' });
		const note = await run({ resource: 'note', operation: 'create', contactId, body: 'Lost note' });
		const appointment = await run({
			resource: 'appointment',
			operation: 'create',
			calendarId: sandbox().demo.calendarIds[0],
			contactId,
			startTime: '2031-06-12T10:00:00Z',
		});
		const stored = sandbox().snapshot() as unknown as Record<'tasks' | 'notes' | 'appointments', IDataObject[]>;
		const tasks = stored.tasks.filter((record) => record.title === 'Lost task');
		const notes = stored.notes.filter((record) => record.body === 'Lost note');
		const appointments = stored.appointments.filter((record) => record.contactId === contact.id && Date.parse(String(record.startTime)) === Date.parse('2031-06-12T10:00:00Z'));
		expect([tasks.length, notes.length, appointments.length]).toEqual([1, 1, 1]);
		expect([task.error, note.error, appointment.error]).toEqual([undefined, undefined, undefined]);
		expect(task.out[0].id).toBe(tasks[0].id);
		expect(note.out[0].id).toBe(notes[0].id);
		expect(appointment.out[0].id).toBe(appointments[0].id);
		expect(requestsTo(task, 'get-all-tasks') + requestsTo(note, 'get-all-notes') + requestsTo(appointment, 'get-appointments-for-contact')).toBe(3);
	});

	test('Workflow enrolment lost in transit: GHL has no way to read enrolments, so it is not sent again and the error says so', async () => {
		const contact = (sandbox().snapshot() as unknown as { contacts: StoredContact[] }).contacts.find(
			(candidate) => candidate.locationId === sandbox().demo.locationId,
		)!;
		sandbox().injectFault({ kind: 'reset-after', count: 1, match: { method: 'POST', path: '/workflow/' } });
		const result = await run({
			resource: 'workflow',
			operation: 'addContact',
			contactId: { mode: 'id', value: contact.id },
			workflowId: sandbox().demo.workflowIds[0],
		});
		expect(requestsTo(result, 'add-contact-to-workflow')).toBe(1);
		expect(String(result.error?.description)).toMatch(/may have saved this write/);
	});

	test('Create with Continue On Fail: a write that fails twice before GHL applies it comes out as an error item saying it was not saved; the others are written', async () => {
		sandbox().injectFault({ kind: 'status', status: 500, count: 4, match: { method: 'POST', path: '/contacts/', body: 'cof-lost0@' } });
		const items = [0, 1, 2].map((index) => ({ email: `cof-lost${index}@example.com` }));
		const result = await run({ resource: 'contact', operation: 'create', email: '={{ $json.email }}' }, { items, continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.out).toHaveLength(3);
		expect(String(result.out[0].error)).toContain('GHL API error 500');
		// The reason: the error item's description (in its json, or on the item's error where n8n keeps it).
		const reason = String(result.out[0].errorDescription ?? (result.items[0].error as { description?: string } | undefined)?.description);
		expect(reason).toMatch(/failed this write 4 times and it was not saved/);
		expect(contactsWithEmail('cof-lost0@example.com')).toHaveLength(0);
		expect(result.out.slice(1).map((contact) => contact.email)).toEqual(['cof-lost1@example.com', 'cof-lost2@example.com']);
		for (const item of items.slice(1)) expect(contactsWithEmail(item.email)).toHaveLength(1);
	});

	test('Delete repeated after a dropped connection finds the contact gone: reported as done', async () => {
		const created = (await api('POST', '/contacts/', { locationId: sandbox().demo.locationId, email: 'gone@example.com' })).contact as IDataObject;
		sandbox().injectFault({ kind: 'reset-after', count: 1, match: { method: 'DELETE', path: `/contacts/${created.id as string}` } });
		const result = await run({ resource: 'contact', operation: 'delete', contactId: { mode: 'id', value: created.id as string } });
		expect(result.error).toBeUndefined();
		expect(requestsTo(result, 'delete-contact')).toBe(2);
		expect(result.out).toEqual([expect.objectContaining({ succeeded: true })]);
		expect(contactsWithEmail('gone@example.com')).toHaveLength(0);
	});

	test('Delete of a contact that does not exist (no retry involved) is still an error', async () => {
		const result = await run({ resource: 'contact', operation: 'delete', contactId: { mode: 'id', value: 'NoSuchContact0000001' } });
		expect(String(result.error?.message)).toMatch(/GHL API error 40[04]: .*not found/i);
	});
});

describe("GHL's error bodies are shown short and safe", () => {
	test('an HTML error page is not copied into the message', async () => {
		const page = `<!DOCTYPE html><html><head><title>502</title></head><body>${'<p>upstream</p>'.repeat(200)}</body></html>`;
		sandbox().injectFault({ kind: 'status', status: 502, count: 4, match: { method: 'GET' }, body: page });
		const contactId = (sandbox().snapshot() as unknown as { contacts: StoredContact[] }).contacts[0].id;
		const result = await run({ resource: 'contact', operation: 'get', contactId: { mode: 'id', value: contactId } });
		expect(String(result.error?.message)).toBe('GHL API error 502: Bad Gateway');
		expect(JSON.stringify(result.error)).not.toContain('<html');
	});

	test('a long message is cut and control characters are folded', async () => {
		const message = `field x is wrong\u0007\n\r${'a'.repeat(2_000)}`;
		sandbox().injectFault({ kind: 'status', status: 400, count: 1, match: { method: 'GET' }, body: { statusCode: 400, message } });
		const contactId = (sandbox().snapshot() as unknown as { contacts: StoredContact[] }).contacts[0].id;
		const result = await run({ resource: 'contact', operation: 'get', contactId: { mode: 'id', value: contactId } });
		const shown = String(result.error?.message);
		expect(shown.startsWith('GHL API error 400: field x is wrong a')).toBe(true);
		expect(shown.length).toBeLessThan(360);
		expect(shown).not.toMatch(/[\u0000-\u001f]/);
	});
});

/** n8n 1.x hands a node no headers of a failed request, so GHL's Retry-After is not visible there. */
const retryAfterVisible = process.env.GHL_TEST_ENGINE !== 'n8n-1.x';

describe('every wait is capped', () => {
	(retryAfterVisible ? test : test.skip)('a 429 asking to wait a day fails the item at once, saying when to run it again', async () => {
		sandbox().injectFault({ kind: 'rate-limit-burst', count: 20, retryAfterSeconds: 86_400, match: { method: 'GET' } });
		const contactId = (sandbox().snapshot() as unknown as { contacts: StoredContact[] }).contacts[0].id;
		const started = Date.now();
		const result = await run({ resource: 'contact', operation: 'get', contactId: { mode: 'id', value: contactId } });
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(String(result.error?.message)).toContain('GHL API error 429');
		const description = String(result.error?.description);
		expect(description).toMatch(/asks to wait 86400 s/);
		const retryAt = /run it again after (\S+)\.$/.exec(description)?.[1];
		expect(Date.parse(String(retryAt)) - Date.now()).toBeGreaterThan(86_000_000);
		expect(result.requests.filter((request) => request.status === 429)).toHaveLength(1);
	});

	(retryAfterVisible ? test : test.skip)('with Continue On Fail, the capped item comes out with its reason and the next items still run', async () => {
		sandbox().injectFault({ kind: 'rate-limit-burst', count: 1, retryAfterSeconds: 3_600, match: { method: 'POST', path: '/contacts/upsert' } });
		const items = [0, 1].map((index) => ({ email: `capped${index}@example.com` }));
		const result = await run({ resource: 'contact', operation: 'upsert', email: '={{ $json.email }}' }, { items, continueOnFail: true });
		expect(String(result.out[0].error)).toContain('GHL API error 429');
		expect(result.out[1].email).toBe('capped1@example.com');
		expect(contactsWithEmail('capped0@example.com')).toHaveLength(0);
		expect(contactsWithEmail('capped1@example.com')).toHaveLength(1);
	});
});
