/**
 * Bad input, table-driven over every resource: each case runs the GHL node in n8n-core against the
 * sandbox with one parameter wrong, and must fail with an error that starts with the field's name
 * while no request reaches GHL. The node is usable as an AI tool, so parameters can come from a
 * model; an ID like `..` must never become part of a path (`DELETE /contacts/{id}/tasks/..` is
 * `DELETE /contacts/{id}/`). The only request allowed is the custom-field list read to find out
 * that a custom field does not exist.
 */
import type { INodeParameters } from 'n8n-workflow';
import { nodeTests } from './kit';
import type { SeedSnapshot } from './kit';

const { sandbox, run, seed, api } = nodeTests();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
/**
 * A contact ID from an expression (what an AI agent or a mapping gives): the locator's own regex
 * check is an editor check that n8n applies to typed values only, so the node must check it itself.
 */
const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });
const byPhone = (value: string) => ({ __rl: true, mode: 'phone', value });

/** Valid parameters for each operation a case breaks one field of. */
function validParameters(data: SeedSnapshot): Record<string, INodeParameters> {
	const [c0, c1] = data.contacts;
	const task = data.tasks.find((candidate) => candidate.contactId === c0.id)!;
	const note = data.notes.find((candidate) => candidate.contactId === c0.id)!;
	const appointment = data.appointments[0];
	const { businessIds, calendarIds, campaignIds, workflowIds, userIds } = sandbox().demo;
	return {
		'appointment.create': { calendarId: calendarIds[1], contactId: byId(c1.id), startTime: '2032-01-05T10:00:00Z' },
		'appointment.delete': { eventId: appointment.id },
		'appointment.get': { eventId: appointment.id },
		'appointment.getAll': { contactId: byId(appointment.contactId) },
		'appointment.update': { eventId: appointment.id, updateFields: { title: 'Checked' } },
		'campaign.addContact': { contactId: byId(c1.id), campaignId: campaignIds[0] },
		'campaign.removeContact': { contactId: byId(c0.id), campaignId: campaignIds[0] },
		'campaign.removeContactFromAll': { contactId: byId(c0.id) },
		'contact.bulkUpdateBusiness': { contactIds: c1.id, businessAction: 'add', businessId: businessIds[1] },
		'contact.bulkUpdateTags': { contactIds: c1.id, tagAction: 'add', tags: 'checked' },
		'contact.create': { email: 'checked@example.com' },
		'contact.delete': { contactId: byId(c1.id) },
		'contact.findDuplicate': { email: c0.email },
		'contact.get': { contactId: byId(c0.id) },
		'contact.getAll': { returnAll: false, limit: 1 },
		'contact.getManyByBusiness': { businessId: businessIds[0], returnAll: false, limit: 1 },
		'contact.update': { contactId: byId(c0.id), updateFields: { city: 'Checked City' } },
		'contact.upsert': { email: 'checked@example.com' },
		'follower.add': { contactId: byId(c1.id), followers: [userIds[1]] },
		'follower.remove': { contactId: byId(c0.id), followers: [userIds[1]] },
		'note.create': { contactId: byId(c0.id), body: 'Checked' },
		'note.delete': { contactId: byId(c0.id), noteId: note.id },
		'note.get': { contactId: byId(c0.id), noteId: note.id },
		'note.getAll': { contactId: byId(c0.id) },
		'note.update': { contactId: byId(c0.id), noteId: note.id, updateFields: { body: 'Checked' } },
		'tag.add': { contactId: byId(c0.id), tags: 'checked' },
		'tag.remove': { contactId: byId(c0.id), tags: c0.tags[0] },
		'task.create': { contactId: byId(c0.id), title: 'Checked', dueDate: '2032-01-05T10:00:00Z', completed: false },
		'task.delete': { contactId: byId(c0.id), taskId: task.id },
		'task.get': { contactId: byId(c0.id), taskId: task.id },
		'task.getAll': { contactId: byId(c0.id) },
		'task.setCompleted': { contactId: byId(c0.id), taskId: task.id, completed: true },
		'task.update': { contactId: byId(c0.id), taskId: task.id, updateFields: { title: 'Checked' } },
		'workflow.addContact': { contactId: byId(c0.id), workflowId: workflowIds[1] },
		'workflow.removeContact': { contactId: byId(c1.id), workflowId: workflowIds[0] },
	};
}

/** [operation, what is wrong, the parameters that differ from the valid ones, the field the error must name]. */
type Case = [operation: string, wrong: string, parameters: INodeParameters, field: string];

const LONG_ID = 'a'.repeat(65);
const OBJECT = '={{ { "id": "x" } }}';

const CASES: Case[] = [
	// Path traversal and URL syntax in every ID that goes into a path.
	['task.delete', 'task ID ".." (would delete the contact path)', { taskId: '..' }, 'Task ID'],
	['task.get', 'task ID "."', { taskId: '.' }, 'Task ID'],
	['task.update', 'task ID with "/"', { taskId: 'abc/def' }, 'Task ID'],
	['task.setCompleted', 'task ID with "#"', { taskId: 'abc#def' }, 'Task ID'],
	['task.get', 'task ID already percent-encoded', { taskId: '%2e%2e' }, 'Task ID'],
	['task.delete', 'task ID longer than any GHL ID', { taskId: LONG_ID }, 'Task ID'],
	['task.get', 'task ID in Japanese', { taskId: 'タスク' }, 'Task ID'],
	['task.create', 'contact ID with a space', { contactId: byId('={{ "abc def" }}') }, 'Contact ID'],
	['task.getAll', 'contact ID ".."', { contactId: byId('={{ ".." }}') }, 'Contact ID'],
	['task.getAll', 'contact ID blank from an expression', { contactId: byId('={{ "" }}') }, 'Contact ID'],
	['note.get', 'note ID ".."', { noteId: '..' }, 'Note ID'],
	['note.update', 'note ID with "/"', { noteId: 'a/b' }, 'Note ID'],
	['note.delete', 'note ID with "?"', { noteId: 'abc?x=1' }, 'Note ID'],
	['note.create', 'contact ID ".."', { contactId: byId('={{ ".." }}') }, 'Contact ID'],
	['note.getAll', 'contact ID with "/"', { contactId: byId('={{ "c/d" }}') }, 'Contact ID'],
	['note.delete', 'note ID an object from an expression', { noteId: OBJECT }, 'Note ID'],
	['appointment.get', 'appointment ID ".."', { eventId: '..' }, 'Appointment ID'],
	['appointment.update', 'appointment ID with "/"', { eventId: 'a/b' }, 'Appointment ID'],
	['appointment.delete', 'appointment ID with "#"', { eventId: '#' }, 'Appointment ID'],
	['appointment.getAll', 'contact ID with "%"', { contactId: byId('={{ "100%" }}') }, 'Contact ID'],
	['appointment.create', 'calendar ID with "/"', { calendarId: 'cal/1' }, 'Calendar'],
	['appointment.create', 'contact ID ".."', { contactId: byId('={{ ".." }}') }, 'Contact ID'],
	['contact.get', 'contact ID ".."', { contactId: byId('={{ ".." }}') }, 'Contact ID'],
	['contact.delete', 'contact ID with "/"', { contactId: byId('={{ "a/b" }}') }, 'Contact ID'],
	['contact.update', 'contact ID with "?"', { contactId: byId('={{ "x?y" }}') }, 'Contact ID'],
	['contact.delete', 'contact ID blank from an expression', { contactId: byId('={{ "   " }}') }, 'Contact ID'],
	['contact.get', 'contact ID a list from an expression', { contactId: byId('={{ ["a", "b"] }}') }, 'Contact ID'],
	['contact.getManyByBusiness', 'business ID ".."', { businessId: '..' }, 'Business ID'],
	['contact.bulkUpdateBusiness', 'business ID with "/"', { businessId: 'a/b' }, 'Business ID'],
	['contact.bulkUpdateBusiness', 'a contact ID that is an object', { contactIds: '={{ [{}] }}' }, 'Contact IDs'],
	['contact.bulkUpdateTags', 'one of the contact IDs ".."', { contactIds: 'abc123, ..' }, 'Contact IDs'],
	['contact.bulkUpdateTags', 'contact IDs empty', { contactIds: '={{ "" }}' }, 'Contact IDs'],
	['tag.add', 'contact ID "../x"', { contactId: byId('={{ "../x" }}') }, 'Contact ID'],
	['tag.remove', 'contact ID "."', { contactId: byId('={{ "." }}') }, 'Contact ID'],
	['follower.add', 'follower ".."', { followers: ['..'] }, 'Followers'],
	['follower.remove', 'one follower with "/"', { followers: ['abc', 'a/b'] }, 'Followers'],
	['campaign.addContact', 'campaign ID ".."', { campaignId: '..' }, 'Campaign ID'],
	['campaign.removeContact', 'campaign ID with "/"', { campaignId: 'a/b' }, 'Campaign ID'],
	['campaign.removeContactFromAll', 'contact ID ".."', { contactId: byId('={{ ".." }}') }, 'Contact ID'],
	['workflow.addContact', 'workflow ID ".."', { workflowId: '..' }, 'Workflow ID'],
	['workflow.removeContact', 'workflow ID with "?"', { workflowId: '?x' }, 'Workflow ID'],
	['workflow.removeContact', 'workflow ID a number list from an expression', { workflowId: '={{ [1, 2] }}' }, 'Workflow ID'],
	// IDs that only go into bodies are checked too.
	['task.create', 'assignee with a space', { additionalFields: { assignedTo: 'a b' } }, 'Assigned To'],
	['note.create', 'author ".."', { additionalFields: { userId: '..' } }, 'User'],
	['contact.create', 'owner with "/"', { additionalFields: { assignedTo: 'a/b' } }, 'Assigned To'],
	['appointment.create', 'assigned user ".."', { additionalFields: { assignedUserId: '..' } }, 'Assigned User'],
	// Emails and phones.
	['contact.create', 'email without a domain', { email: 'ada@' }, 'Email'],
	['contact.upsert', 'email without a dot in the domain', { email: 'ada@example' }, 'Email'],
	['contact.create', 'email longer than RFC 5321 allows', { email: `${'a'.repeat(250)}@example.com` }, 'Email'],
	['contact.upsert', 'email a list from an expression', { email: '={{ ["ada@example.com"] }}' }, 'Email'],
	['contact.create', 'phone with letters', { phone: 'call me' }, 'Phone'],
	['contact.findDuplicate', 'email with spaces', { email: 'ada lovelace@example.com' }, 'Email'],
	['contact.findDuplicate', 'phone not in E.164', { email: '', phone: '5550100' }, 'Phone'],
	['contact.get', 'contact by a malformed email', { contactId: byEmail('not-an-email') }, 'Contact (by email)'],
	['contact.get', 'contact by a phone without country code', { contactId: byPhone('555 0100') }, 'Contact (by phone)'],
	// Dates: real calendar dates and clock times only (no rollover).
	['task.create', 'due date 30 February', { dueDate: '2026-02-30T10:00:00Z' }, 'Due Date'],
	['task.create', 'due date in month 13', { dueDate: '2026-13-01T10:00:00Z' }, 'Due Date'],
	['task.create', 'due date in words', { dueDate: 'tomorrow' }, 'Due Date'],
	['task.update', 'due date a number from an expression', { updateFields: { dueDate: '={{ 1767225600 }}' } }, 'Due Date'],
	['appointment.create', 'start time 31 April', { startTime: '2032-04-31T10:00:00Z' }, 'Start Time'],
	['appointment.create', 'start time 24:00', { startTime: '2032-01-05T24:00:00Z' }, 'Start Time'],
	['appointment.update', 'end time minute 60', { updateFields: { endTime: '2032-01-05T10:60:00Z' } }, 'End Time'],
	['workflow.addContact', 'event start 29 February of a common year', { options: { eventStartTime: '2027-02-29T09:00:00Z' } }, 'Event Start Time'],
	['contact.create', 'birthday 30 February', { additionalFields: { dateOfBirth: '1990-02-30' } }, 'Date of Birth'],
	// Wrong types from expressions, oversized and unknown values.
	['task.create', 'title an object', { title: OBJECT }, 'Title'],
	['note.create', 'body a list', { body: '={{ ["x"] }}' }, 'Body'],
	['contact.create', 'first name an object', { additionalFields: { firstName: '={{ {} }}' } }, 'First Name'],
	['appointment.update', 'title a list', { updateFields: { title: '={{ ["a"] }}' } }, 'Title'],
	['contact.getAll', 'query longer than GHL\'s 75 characters', { query: 'q'.repeat(76) }, 'Query'],
	['tag.add', 'no tags', { tags: '={{ "" }}' }, 'Tags'],
	['contact.create', 'custom field the location does not have', { customFieldsUi: { customField: [{ fieldId: 'shoe_size', value: '42' }] } }, 'Custom field "shoe_size"'],
	['contact.update', 'number custom field given words', { updateFields: {}, customFieldsUi: { customField: [{ fieldId: 'employees', value: 'many' }] } }, 'Custom field "Employees"'],
	['contact.upsert', 'custom fields object not JSON', { additionalFields: { customFieldsObject: '{employees: 3' } }, 'Custom Fields (Object)'],
	['contact.upsert', 'custom fields object a list', { additionalFields: { customFieldsObject: '={{ [1] }}' } }, 'Custom Fields (Object)'],
	['contact.upsert', 'custom fields object naming a field the location does not have', { additionalFields: { customFieldsObject: '{"shoe_size": 42}' } }, 'Custom field "shoe_size"'],
	['contact.upsert', 'DND object with an unknown channel', { additionalFields: { dndSettingsObject: '{"Fax": "active"}' } }, 'DND Settings (Object)'],
	['contact.update', 'DND object with an unknown status', { updateFields: { dndSettingsObject: '={{ { Email: "yes" } }}' } }, 'DND Settings (Object)'],
	['contact.upsert', 'date custom field 30 February', { customFieldsUi: { customField: [{ fieldId: 'renewal_date', value: '2026-02-30' }] } }, 'Custom field "Renewal Date"'],
];

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('bad input is refused before any request, naming the field', () => {
	test('the table covers every resource and has at least 60 cases', () => {
		const resources = new Set(CASES.map(([operation]) => operation.split('.')[0]));
		expect([...resources].sort()).toEqual(['appointment', 'campaign', 'contact', 'follower', 'note', 'tag', 'task', 'workflow']);
		expect(CASES.length).toBeGreaterThanOrEqual(60);
	});

	test.each(CASES)('%s: %s', async (operation, _wrong, parameters, field) => {
		const [resource, name] = operation.split('.');
		const valid = validParameters(seed())[operation];
		expect(valid).toBeDefined();
		const result = await run({ resource, operation: name, ...valid, ...parameters });
		expect(result.error?.message).toMatch(new RegExp(`^${escape(field)}: `));
		// Only the custom-field list may be read, to learn that a field does not exist or its type.
		const sent = result.requests.filter((request) => !/^\/locations\/[^/]+\/customFields$/.test(request.path));
		expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([]);
		expect(result.requests.every((request) => request.method === 'GET')).toBe(true);
	});

	test('a contact ID typed into the locator is also refused by n8n itself (the locator\'s regex), before the node runs', async () => {
		const before = sandbox().requests.length;
		// n8n 2.x names the locator's message; n8n 1.x refuses the workflow with a general message.
		await expect(run({ resource: 'task', operation: 'delete', ...validParameters(seed())['task.delete'], contactId: byId('..') })).rejects.toThrow(
			process.env.GHL_TEST_ENGINE === 'n8n-1.x' ? /workflow has issues/ : /Not a valid GHL contact ID/,
		);
		expect(sandbox().requests.slice(before)).toEqual([]);
	});

	test('the same operations go through with the valid parameters (the table breaks one field, not the setup)', async () => {
		const operations = [...new Set(CASES.map(([operation]) => operation))].filter(
			(operation) => !/delete|remove|bulk|create|upsert|addContact|setCompleted|update|tag\.add|follower\.add/.test(operation),
		);
		for (const operation of operations) {
			const [resource, name] = operation.split('.');
			const result = await run({ resource, operation: name, ...validParameters(seed())[operation] });
			expect({ operation, error: result.error?.message }).toEqual({ operation, error: undefined });
		}
	});
});

describe('non-Latin text round-trips intact', () => {
	test('a contact and a note in Japanese, Cyrillic, Arabic, Polish and emoji read back byte for byte', async () => {
		const fields = {
			firstName: '山田',
			lastName: 'Łukasiewicz-Ødegård',
			companyName: 'Компания «Ромашка»',
			city: 'القاهرة',
			address1: '東京都千代田区 1-1',
		};
		const created = await run({ resource: 'contact', operation: 'create', email: 'yamada@example.com', additionalFields: fields });
		expect(created.error).toBeUndefined();
		const contactId = created.out[0].id as string;
		const body = '📞 Called — 已联系 ✔ «ok» ‫שלום‬';
		const noted = await run({ resource: 'note', operation: 'create', contactId: byId(contactId), body });
		expect(noted.error).toBeUndefined();

		const read = await run({ resource: 'contact', operation: 'get', contactId: byId(contactId) });
		expect(read.out[0]).toMatchObject(fields);
		const stored = (await api('GET', `/contacts/${contactId}`)).contact;
		expect(stored).toMatchObject(fields);
		const note = await run({ resource: 'note', operation: 'get', contactId: byId(contactId), noteId: noted.out[0].id as string });
		expect(note.out[0].body).toBe(body);
		expect(Buffer.from(note.out[0].body as string, 'utf8').equals(Buffer.from(body, 'utf8'))).toBe(true);
	});
});
