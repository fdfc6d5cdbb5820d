import type { IDataObject } from 'n8n-workflow';
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, seed, api } = nodeTests();

const byId = (value: string) => ({ mode: 'id', value });

/** A seeded contact with tasks, and its tasks (oldest first). */
function contactWithTasks() {
	const { contacts, tasks } = seed();
	const contact = contacts.find((candidate) => tasks.filter((task) => task.contactId === candidate.id).length >= 2)!;
	return { contact, tasks: tasks.filter((task) => task.contactId === contact.id) };
}

describe('Task', () => {
	opTest('create-task', 'creates a task; a due date without offset is read in the workflow time zone', async () => {
		const { contacts } = seed();
		const [, seller] = sandbox().demo.userIds;
		const result = await run(
			{
				resource: 'task',
				operation: 'create',
				contactId: byId(contacts[3].id),
				title: '  Send the contract ',
				dueDate: '2026-12-01T09:30:00',
				completed: false,
				additionalFields: { body: 'Final version attached', assignedTo: seller },
			},
			{ settings: { timezone: 'Europe/Berlin' } },
		);
		expect(result.error).toBeUndefined();
		expectRequest(only(result, 'create-task'), {
			method: 'POST',
			path: `/contacts/${contacts[3].id}/tasks`,
			body: {
				title: 'Send the contract',
				dueDate: '2026-12-01T09:30:00+01:00',
				completed: false,
				body: 'Final version attached',
				assignedTo: seller,
			},
		});
		expect(result.out).toHaveLength(1);
		const task = result.out[0];
		expect(task).toMatchObject({
			title: 'Send the contract',
			body: 'Final version attached',
			contactId: contacts[3].id,
			assignedTo: seller,
			completed: false,
		});
		expect(Date.parse(String(task.dueDate))).toBe(Date.parse('2026-12-01T08:30:00Z'));
		const stored = await api('GET', `/contacts/${contacts[3].id}/tasks/${task.id}`);
		expect(stored.task).toMatchObject({ id: task.id, title: 'Send the contract' });
	});

	opTest('create-task', 'finds the contact by email first; Simplify off returns GHL’s whole response', async () => {
		const { contacts } = seed();
		const result = await run({
			resource: 'task',
			operation: 'create',
			contactId: { mode: 'email', value: ` ${contacts[5].email!.toUpperCase()} ` },
			title: 'Check in',
			dueDate: '2026-12-02T10:00:00Z',
			completed: true,
			simplify: false,
		});
		expect(result.requests.map((request) => request.operationId)).toEqual(['get-duplicate-contact', 'create-task']);
		expect(result.requests[0].query).toEqual({ locationId: sandbox().demo.locationId, email: contacts[5].email!.toUpperCase() });
		expect(result.requests[1].path).toBe(`/contacts/${contacts[5].id}/tasks`);
		expect(Object.keys(result.out[0])).toEqual(['task']);
		expect(result.out[0].task).toMatchObject({ contactId: contacts[5].id, title: 'Check in', completed: true });
	});

	test('bad input is refused before any request, naming the field', async () => {
		const { contacts } = seed();
		const base = { resource: 'task', operation: 'create', contactId: byId(contacts[0].id), title: 'x', completed: false };
		const badDate = await run({ ...base, dueDate: 'next tuesday' });
		expect(badDate.requests).toHaveLength(0);
		expect(badDate.error?.message).toMatch(/^Due Date: expected an ISO 8601 date/);

		const noTitle = await run({ ...base, title: '   ', dueDate: '2026-12-01' });
		expect(noTitle.requests).toHaveLength(0);
		expect(noTitle.error?.message).toMatch(/^Title: expected a value/);

		const badEmail = await run({ ...base, dueDate: '2026-12-01', contactId: { mode: 'email', value: 'not-an-email' } });
		expect(badEmail.requests).toHaveLength(0);
		expect(badEmail.error?.message).toMatch(/^Contact \(by email\): expected an email address/);
	});

	opTest('get-all-tasks', 'returns one item per task, cut to the limit', async () => {
		const { contact, tasks } = contactWithTasks();
		const all = await run({ resource: 'task', operation: 'getAll', contactId: byId(contact.id), returnAll: true });
		expectRequest(only(all, 'get-all-tasks'), { method: 'GET', path: `/contacts/${contact.id}/tasks` });
		expect(all.out.map((task) => task.id).sort()).toEqual(tasks.map((task) => task.id).sort());
		expect(all.out.every((task) => task.contactId === contact.id)).toBe(true);
		expect(all.items.map((item) => item.pairedItem)).toEqual(tasks.map(() => ({ item: 0 })));

		const limited = await run({ resource: 'task', operation: 'getAll', contactId: byId(contact.id), returnAll: false, limit: 1 });
		expect(limited.out).toHaveLength(1);
		expect(limited.out[0].id).toBe(all.out[0].id);
	});

	opTest('get-task', 'returns the task', async () => {
		const { contact, tasks } = contactWithTasks();
		const result = await run({ resource: 'task', operation: 'get', contactId: byId(contact.id), taskId: tasks[1].id });
		expectRequest(only(result, 'get-task'), { method: 'GET', path: `/contacts/${contact.id}/tasks/${tasks[1].id}` });
		expect(result.out).toEqual([expect.objectContaining({ id: tasks[1].id, title: tasks[1].title, contactId: contact.id })]);
	});

	opTest('get-task', 'an unknown task fails with GHL’s message', async () => {
		const { contact } = contactWithTasks();
		const result = await run({ resource: 'task', operation: 'get', contactId: byId(contact.id), taskId: 'NoSuchTask' });
		expect(result.error?.message).toBe('GHL API error 400: Task not found');
		// opTest needs a successful call too: the same node finds a real task afterwards.
		const { tasks } = contactWithTasks();
		await run({ resource: 'task', operation: 'get', contactId: byId(contact.id), taskId: tasks[0].id });
	});

	opTest('update-task', 'sends only the fields given', async () => {
		const { contact, tasks } = contactWithTasks();
		const open = tasks.find((task) => !task.completed)!;
		const result = await run({
			resource: 'task',
			operation: 'update',
			contactId: byId(contact.id),
			taskId: open.id,
			updateFields: { title: 'Call back (rescheduled)', dueDate: '2027-01-10T12:00:00Z', completed: true },
		});
		expectRequest(only(result, 'update-task'), {
			method: 'PUT',
			path: `/contacts/${contact.id}/tasks/${open.id}`,
			body: { title: 'Call back (rescheduled)', dueDate: '2027-01-10T12:00:00Z', completed: true },
		});
		expect(result.out[0]).toMatchObject({ id: open.id, title: 'Call back (rescheduled)', completed: true, body: open.body });
	});

	test('update-task with no fields is refused before any request', async () => {
		const { contact, tasks } = contactWithTasks();
		const result = await run({ resource: 'task', operation: 'update', contactId: byId(contact.id), taskId: tasks[0].id, updateFields: {} });
		expect(result.requests).toHaveLength(0);
		expect(result.error?.message).toBe('Update Fields: add at least one field to change');
	});

	opTest('update-task-completed', 'marks a task completed, then not completed', async () => {
		const { contact, tasks } = contactWithTasks();
		const open = tasks.find((task) => !task.completed)!;
		const done = await run({ resource: 'task', operation: 'setCompleted', contactId: byId(contact.id), taskId: open.id, completed: true });
		expectRequest(only(done, 'update-task-completed'), {
			method: 'PUT',
			path: `/contacts/${contact.id}/tasks/${open.id}/completed`,
			body: { completed: true },
		});
		expect(done.out[0]).toMatchObject({ id: open.id, completed: true });

		const reopened = await run({ resource: 'task', operation: 'setCompleted', contactId: byId(contact.id), taskId: open.id, completed: false });
		expect(only(reopened, 'update-task-completed').body).toEqual({ completed: false });
		expect(reopened.out[0]).toMatchObject({ id: open.id, completed: false });
	});

	opTest('delete-task', 'deletes the task', async () => {
		const { contact, tasks } = contactWithTasks();
		const result = await run({ resource: 'task', operation: 'delete', contactId: byId(contact.id), taskId: tasks[0].id });
		expectRequest(only(result, 'delete-task'), { method: 'DELETE', path: `/contacts/${contact.id}/tasks/${tasks[0].id}` });
		expect(result.out).toEqual([{ contactId: contact.id, taskId: tasks[0].id, succeded: true }]);
		await expect(api('GET', `/contacts/${contact.id}/tasks/${tasks[0].id}`)).rejects.toThrow(/Task not found/);
	});
});

describe('Task › Search (across contacts)', () => {
	/** The demo location's tasks as the sandbox holds them, oldest first. */
	const locationTasks = () => seed().tasks.filter((task) => task.locationId === sandbox().demo.locationId);

	opTest('task-search', 'finds the open tasks of every contact; the filters are sent as GHL names them', async () => {
		const { locationId } = sandbox().demo;
		const open = locationTasks().filter((task) => !task.completed);
		const result = await run({ resource: 'task', operation: 'search', returnAll: true, filters: { status: 'open' } });
		expect(result.error).toBeUndefined();
		expectRequest(only(result, 'task-search'), {
			method: 'POST',
			path: `/locations/${locationId}/tasks/search`,
			status: 200,
			body: { completed: false, skip: 0, limit: 100 },
		});
		expect(result.out.map((task) => task.id)).toEqual(open.map((task) => task.id));
		expect(new Set(result.out.map((task) => task.contactId)).size).toBeGreaterThan(1);

		const [first] = open;
		const narrowed = await run({
			resource: 'task',
			operation: 'search',
			returnAll: true,
			filters: { contactIds: ` ${first.contactId} `, query: 'pricing', status: 'all', assignedTo: [] },
		});
		expect(narrowed.requests[0].body).toEqual({ contactId: [first.contactId], query: 'pricing', skip: 0, limit: 100 });
		expect(narrowed.out.map((task) => task.title)).toEqual(['Call back about pricing']);
	});

	opTest('task-search', 'Return All pages by skip until a short page; Limit asks for no more than it needs', async () => {
		const contact = seed().contacts[4];
		sandbox().setRateLimit({ max: 1000, intervalMs: 10_000, daily: 200_000 });
		for (let i = 0; i < 103; i++) {
			await api('POST', `/contacts/${contact.id}/tasks`, { title: `Bulk ${i}`, dueDate: '2026-12-01T09:00:00Z', completed: false });
		}
		const total = locationTasks().length;
		const all = await run({ resource: 'task', operation: 'search', returnAll: true });
		expect(all.requests.map((request) => (request.body as IDataObject).skip)).toEqual([0, 100]);
		expect(all.out).toHaveLength(total);
		expect(new Set(all.out.map((task) => task.id)).size).toBe(total);

		const limited = await run({ resource: 'task', operation: 'search', returnAll: false, limit: 7 });
		expect(limited.requests.map((request) => request.body)).toEqual([{ skip: 0, limit: 7 }]);
		expect(limited.out).toHaveLength(7);
	});

	test('a contact ID outside GHL’s ID alphabet is refused before any request, naming the filter', async () => {
		const result = await run({ resource: 'task', operation: 'search', returnAll: true, filters: { contactIds: 'abc/../x' } });
		expect(result.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/^Contact IDs: expected/);
	});
});
