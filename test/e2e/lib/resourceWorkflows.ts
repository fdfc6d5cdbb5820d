/**
 * One workflow per resource of the action node, each a chain that creates its own contact
 * and then runs that resource's operations on it (IDs passed on with expressions, as users
 * build them). `check` asserts the node outputs of a run AND the sandbox's records.
 * Used by the regular run (`n8n execute`) and by queue mode (webhook → workers).
 */
import type { IDataObject } from 'n8n-workflow';
import type { Sandbox } from '../../../sandbox';
import type { AppointmentRecord, ContactRecord, NoteRecord, TaskRecord } from '../../../sandbox/store';
import type { CredentialRef } from './stack';
import { ghlNode, manualWorkflow, nodeOutput, runError, type NodeJson, type RunJson, type WorkflowJson } from './workflows';

export interface ResourceContext {
	credentials: { pit: CredentialRef; oauth: CredentialRef };
	demo: Sandbox['demo'];
	/** Makes emails unique per workflow run. */
	suffix: string;
}

export interface ResourceCase {
	resource: string;
	/** Manual Trigger → Create Contact → the resource's operations. */
	workflow(ctx: ResourceContext): WorkflowJson;
	/** Asserts a finished run (IRun from `n8n execute`, or an execution from the public API). */
	check(run: RunJson, sandbox: Sandbox, ctx: ResourceContext): void;
}

const CONTACT_ID = "={{ $('Create Contact').item.json.id }}";
const contactRef = { __rl: true, mode: 'id', value: CONTACT_ID };

export const emailFor = (resource: string, ctx: ResourceContext) => `e2e-${resource}-${ctx.suffix}@example.com`.toLowerCase();

function createContact(resource: string, ctx: ResourceContext): NodeJson {
	return ghlNode(
		'Create Contact',
		{
			resource: 'contact',
			operation: 'create',
			email: emailFor(resource, ctx),
			additionalFields: { firstName: 'E2E', lastName: resource[0].toUpperCase() + resource.slice(1), source: 'n8n e2e' },
		},
		ctx.credentials,
	);
}

function op(name: string, parameters: Record<string, unknown>, ctx: ResourceContext): NodeJson {
	return ghlNode(name, parameters, ctx.credentials);
}

/** The sandbox store's records the checks read. */
export interface SandboxRecords {
	contacts: ContactRecord[];
	tasks: TaskRecord[];
	notes: NoteRecord[];
	appointments: AppointmentRecord[];
}

export function sandboxRecords(sandbox: Sandbox): SandboxRecords {
	// Sandbox.snapshot() is declared as Record<string, unknown>; the store fills these keys with its record lists.
	return sandbox.snapshot() as unknown as SandboxRecords;
}

function storedContact(sandbox: Sandbox, email: string): ContactRecord | undefined {
	return sandboxRecords(sandbox).contacts.find((c) => c.email === email);
}

/** Fails with the run's own error message when the run did not succeed. */
export function expectSuccess(run: RunJson): void {
	const error = runError(run);
	if (error) throw new Error(`Run failed: ${error}`);
	expect(run.status ?? (run.finished ? 'success' : 'error')).toBe('success');
}

function single(run: RunJson, node: string): IDataObject {
	const items = nodeOutput(run, node);
	expect(items).toHaveLength(1);
	return items[0];
}

export const resourceCases: ResourceCase[] = [
	{
		resource: 'contact',
		workflow: (ctx) =>
			manualWorkflow(`E2E contact ${ctx.suffix}`, [
				createContact('contact', ctx),
				op('Get Contact', { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'email', value: emailFor('contact', ctx) } }, ctx),
				op('Update Contact', { resource: 'contact', operation: 'update', contactId: contactRef, updateFields: { city: 'Springfield', tags: 'e2e-contact' } }, ctx),
				op('Search Contacts', { resource: 'contact', operation: 'getAll', query: emailFor('contact', ctx), limit: 10 }, ctx),
				op('Delete Contact', { resource: 'contact', operation: 'delete', contactId: contactRef }, ctx),
			]),
		check(run, sandbox, ctx) {
			expectSuccess(run);
			const email = emailFor('contact', ctx);
			const created = single(run, 'Create Contact');
			expect(created).toMatchObject({ id: expect.any(String), email, firstName: 'E2E', lastName: 'Contact' });
			expect(single(run, 'Get Contact')).toMatchObject({ id: created.id, email });
			expect(single(run, 'Update Contact')).toMatchObject({ id: created.id, city: 'Springfield', tags: ['e2e-contact'] });
			const found = nodeOutput(run, 'Search Contacts');
			expect(found.map((c) => c.id)).toEqual([created.id]);
			expect(single(run, 'Delete Contact')).toMatchObject({ contactId: created.id });
			// The sandbox saw each call, and the contact is gone from its store.
			const createdId = String(created.id);
			const calls = sandbox.requests.filter(
				(r) => r.path.includes(createdId) || (r.path === '/contacts/' && r.method === 'POST' && (r.body as { email?: unknown } | undefined)?.email === email),
			);
			expect(calls.map((r) => `${r.method} ${r.status}`)).toEqual(expect.arrayContaining(['POST 201', 'PUT 200', 'DELETE 200']));
			expect(storedContact(sandbox, email)).toBeUndefined();
		},
	},
	{
		resource: 'task',
		workflow: (ctx) =>
			manualWorkflow(`E2E task ${ctx.suffix}`, [
				createContact('task', ctx),
				op('Create Task', { resource: 'task', operation: 'create', contactId: contactRef, title: 'Call back', dueDate: '2031-03-01T10:00:00Z', additionalFields: { body: 'About pricing' } }, ctx),
				op('Complete Task', { resource: 'task', operation: 'setCompleted', contactId: contactRef, taskId: "={{ $('Create Task').item.json.id }}", completed: true }, ctx),
				op('Get Tasks', { resource: 'task', operation: 'getAll', contactId: contactRef, returnAll: true }, ctx),
			]),
		check(run, sandbox, ctx) {
			expectSuccess(run);
			const contact = single(run, 'Create Contact');
			const task = single(run, 'Create Task');
			expect(task).toMatchObject({ id: expect.any(String), title: 'Call back' });
			expect(single(run, 'Complete Task')).toMatchObject({ id: task.id, completed: true });
			expect(nodeOutput(run, 'Get Tasks')).toEqual([expect.objectContaining({ id: task.id, completed: true })]);
			const stored = sandboxRecords(sandbox).tasks.filter((t) => t.contactId === contact.id);
			expect(stored).toEqual([expect.objectContaining({ id: task.id, title: 'Call back', body: 'About pricing', completed: true })]);
			expect(Date.parse(stored[0].dueDate)).toBe(Date.parse('2031-03-01T10:00:00Z'));
			void ctx;
		},
	},
	{
		resource: 'note',
		workflow: (ctx) =>
			manualWorkflow(`E2E note ${ctx.suffix}`, [
				createContact('note', ctx),
				op('Create Note', { resource: 'note', operation: 'create', contactId: contactRef, body: 'First call went well' }, ctx),
				op('Update Note', { resource: 'note', operation: 'update', contactId: contactRef, noteId: "={{ $('Create Note').item.json.id }}", updateFields: { body: 'First call went very well' } }, ctx),
				op('Get Notes', { resource: 'note', operation: 'getAll', contactId: contactRef, returnAll: true }, ctx),
			]),
		check(run, sandbox) {
			expectSuccess(run);
			const contact = single(run, 'Create Contact');
			const note = single(run, 'Create Note');
			expect(note).toMatchObject({ id: expect.any(String), body: 'First call went well' });
			expect(single(run, 'Update Note')).toMatchObject({ id: note.id, body: 'First call went very well' });
			expect(nodeOutput(run, 'Get Notes')).toEqual([expect.objectContaining({ id: note.id, body: 'First call went very well' })]);
			const stored = sandboxRecords(sandbox).notes.filter((n) => n.contactId === contact.id);
			expect(stored).toEqual([expect.objectContaining({ id: note.id, body: 'First call went very well' })]);
		},
	},
	{
		resource: 'appointment',
		workflow: (ctx) =>
			manualWorkflow(`E2E appointment ${ctx.suffix}`, [
				createContact('appointment', ctx),
				op(
					'Book Appointment',
					{
						resource: 'appointment',
						operation: 'create',
						calendarId: ctx.demo.calendarIds[0],
						contactId: contactRef,
						startTime: '2031-06-10T14:00:00Z',
						additionalFields: { endTime: '2031-06-10T14:30:00Z', title: 'E2E kick-off', ignoreFreeSlotValidation: true, toNotify: false },
					},
					ctx,
				),
				op('Get Appointment', { resource: 'appointment', operation: 'get', eventId: "={{ $('Book Appointment').item.json.id }}" }, ctx),
				op('Get Appointments', { resource: 'appointment', operation: 'getAll', contactId: contactRef, returnAll: true }, ctx),
			]),
		check(run, sandbox, ctx) {
			expectSuccess(run);
			const contact = single(run, 'Create Contact');
			const booked = single(run, 'Book Appointment');
			expect(booked).toMatchObject({ id: expect.any(String), calendarId: ctx.demo.calendarIds[0], contactId: contact.id, title: 'E2E kick-off' });
			expect(single(run, 'Get Appointment')).toMatchObject({ id: booked.id, contactId: contact.id });
			expect(nodeOutput(run, 'Get Appointments').map((a) => a.id)).toEqual([booked.id]);
			const stored = sandboxRecords(sandbox).appointments.filter((a) => a.contactId === contact.id);
			expect(stored).toEqual([expect.objectContaining({ id: booked.id, calendarId: ctx.demo.calendarIds[0], title: 'E2E kick-off' })]);
			expect(Date.parse(stored[0].startTime)).toBe(Date.parse('2031-06-10T14:00:00Z'));
		},
	},
	{
		resource: 'tag',
		workflow: (ctx) =>
			manualWorkflow(`E2E tag ${ctx.suffix}`, [
				createContact('tag', ctx),
				op('Add Tags', { resource: 'tag', operation: 'add', contactId: contactRef, tags: 'E2E, vip, webinar' }, ctx),
				op('Remove Tag', { resource: 'tag', operation: 'remove', contactId: contactRef, tags: 'webinar' }, ctx),
			]),
		check(run, sandbox, ctx) {
			expectSuccess(run);
			const contact = single(run, 'Create Contact');
			expect(single(run, 'Add Tags')).toMatchObject({ contactId: contact.id, tags: ['e2e', 'vip', 'webinar'] });
			expect(single(run, 'Remove Tag')).toMatchObject({ contactId: contact.id, tags: ['e2e', 'vip'] });
			expect(storedContact(sandbox, emailFor('tag', ctx))?.tags).toEqual(['e2e', 'vip']);
		},
	},
	{
		resource: 'follower',
		workflow: (ctx) =>
			manualWorkflow(`E2E follower ${ctx.suffix}`, [
				createContact('follower', ctx),
				op('Add Followers', { resource: 'follower', operation: 'add', contactId: contactRef, followers: [ctx.demo.userIds[1], ctx.demo.userIds[2]] }, ctx),
				op('Remove Follower', { resource: 'follower', operation: 'remove', contactId: contactRef, followers: [ctx.demo.userIds[2]] }, ctx),
			]),
		check(run, sandbox, ctx) {
			expectSuccess(run);
			const contact = single(run, 'Create Contact');
			const [, seller, support] = ctx.demo.userIds;
			expect(single(run, 'Add Followers')).toMatchObject({ contactId: contact.id, followers: [seller, support] });
			expect(single(run, 'Remove Follower')).toMatchObject({ contactId: contact.id, followers: [seller] });
			expect(storedContact(sandbox, emailFor('follower', ctx))?.followers).toEqual([seller]);
		},
	},
	{
		resource: 'campaign',
		workflow: (ctx) =>
			manualWorkflow(`E2E campaign ${ctx.suffix}`, [
				createContact('campaign', ctx),
				op('Add To Campaign A', { resource: 'campaign', operation: 'addContact', contactId: contactRef, campaignId: ctx.demo.campaignIds[0] }, ctx),
				op('Add To Campaign B', { resource: 'campaign', operation: 'addContact', contactId: contactRef, campaignId: ctx.demo.campaignIds[1] }, ctx),
				op('Remove From Campaign A', { resource: 'campaign', operation: 'removeContact', contactId: contactRef, campaignId: ctx.demo.campaignIds[0] }, ctx),
			]),
		check(run, sandbox, ctx) {
			expectSuccess(run);
			const contact = single(run, 'Create Contact');
			const [a, b] = ctx.demo.campaignIds;
			expect(single(run, 'Add To Campaign A')).toMatchObject({ contactId: contact.id, campaignId: a });
			expect(single(run, 'Add To Campaign B')).toMatchObject({ contactId: contact.id, campaignId: b });
			expect(single(run, 'Remove From Campaign A')).toMatchObject({ contactId: contact.id, campaignId: a });
			expect(storedContact(sandbox, emailFor('campaign', ctx))?.campaigns).toEqual([b]);
		},
	},
	{
		resource: 'workflow',
		workflow: (ctx) =>
			manualWorkflow(`E2E workflow ${ctx.suffix}`, [
				createContact('workflow', ctx),
				op('Add To Workflow', { resource: 'workflow', operation: 'addContact', contactId: contactRef, workflowId: ctx.demo.workflowIds[0] }, ctx),
				op('Add To Second Workflow', { resource: 'workflow', operation: 'addContact', contactId: contactRef, workflowId: ctx.demo.workflowIds[1] }, ctx),
				op('Remove From Workflow', { resource: 'workflow', operation: 'removeContact', contactId: contactRef, workflowId: ctx.demo.workflowIds[0] }, ctx),
			]),
		check(run, sandbox, ctx) {
			expectSuccess(run);
			const contact = single(run, 'Create Contact');
			const [first, second] = ctx.demo.workflowIds;
			expect(single(run, 'Add To Workflow')).toMatchObject({ contactId: contact.id, workflowId: first });
			expect(single(run, 'Remove From Workflow')).toMatchObject({ contactId: contact.id, workflowId: first });
			expect(storedContact(sandbox, emailFor('workflow', ctx))?.workflows).toEqual([second]);
		},
	},
];
