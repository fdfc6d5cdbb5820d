import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, seed, api } = nodeTests();

const byId = (value: string) => ({ mode: 'id', value });

function contactWithNotes() {
	const { contacts, notes } = seed();
	const contact = contacts.find((candidate) => notes.filter((note) => note.contactId === candidate.id).length >= 2)!;
	return { contact, notes: notes.filter((note) => note.contactId === contact.id) };
}

describe('Note', () => {
	opTest('create-note', 'adds a note with its author, title and pin', async () => {
		const { contacts } = seed();
		const author = sandbox().demo.userIds[2];
		const result = await run({
			resource: 'note',
			operation: 'create',
			contactId: byId(contacts[9].id),
			body: 'Wants a quote for 40 seats.\nCall after 3pm.',
			additionalFields: { userId: author, title: 'Quote', pinned: true },
		});
		expectRequest(only(result, 'create-note'), {
			method: 'POST',
			path: `/contacts/${contacts[9].id}/notes`,
			body: { body: 'Wants a quote for 40 seats.\nCall after 3pm.', userId: author, title: 'Quote', pinned: true },
		});
		expect(result.out).toEqual([
			expect.objectContaining({
				body: 'Wants a quote for 40 seats.\nCall after 3pm.',
				contactId: contacts[9].id,
				userId: author,
				id: expect.any(String),
			}),
		]);
		const stored = await api('GET', `/contacts/${contacts[9].id}/notes/${result.out[0].id}`);
		expect(stored.note).toMatchObject({ body: 'Wants a quote for 40 seats.\nCall after 3pm.' });
	});

	opTest('create-note', 'a contact given by phone is looked up in E.164 first', async () => {
		const { contacts } = seed();
		const spaced = contacts[2].phone!.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 ($1) $2-$3');
		const result = await run({
			resource: 'note',
			operation: 'create',
			contactId: { mode: 'phone', value: spaced },
			body: 'Called, no answer',
		});
		expect(result.requests.map((request) => request.operationId)).toEqual(['get-duplicate-contact', 'create-note']);
		expect(result.requests[0].query).toEqual({ locationId: sandbox().demo.locationId, number: contacts[2].phone });
		expect(result.out[0]).toMatchObject({ contactId: contacts[2].id, body: 'Called, no answer' });
	});

	test('an empty body, or a phone not in E.164, is refused before any request', async () => {
		const { contacts } = seed();
		const empty = await run({ resource: 'note', operation: 'create', contactId: byId(contacts[0].id), body: '  ' });
		expect(empty.requests).toHaveLength(0);
		expect(empty.error?.message).toMatch(/^Body: expected a value/);
		const local = await run({ resource: 'note', operation: 'create', contactId: { mode: 'phone', value: '0415 555 0100' }, body: 'x' });
		expect(local.requests).toHaveLength(0);
		expect(local.error?.message).toMatch(/^Contact \(by phone\): expected a phone number in E\.164 form/);
	});

	opTest('get-all-notes', 'returns one item per note, cut to the limit', async () => {
		const { contact, notes } = contactWithNotes();
		const all = await run({ resource: 'note', operation: 'getAll', contactId: byId(contact.id), returnAll: true });
		expectRequest(only(all, 'get-all-notes'), { method: 'GET', path: `/contacts/${contact.id}/notes` });
		expect(all.out.map((note) => note.id).sort()).toEqual(notes.map((note) => note.id).sort());
		const limited = await run({ resource: 'note', operation: 'getAll', contactId: byId(contact.id), returnAll: false, limit: 1 });
		expect(limited.out).toEqual([all.out[0]]);
	});

	opTest('get-note', 'returns the note', async () => {
		const { contact, notes } = contactWithNotes();
		const result = await run({ resource: 'note', operation: 'get', contactId: byId(contact.id), noteId: notes[0].id });
		expectRequest(only(result, 'get-note'), { method: 'GET', path: `/contacts/${contact.id}/notes/${notes[0].id}` });
		expect(result.out).toEqual([expect.objectContaining({ id: notes[0].id, body: notes[0].body })]);
	});

	opTest('update-note', 'changes the text only', async () => {
		const { contact, notes } = contactWithNotes();
		const result = await run({
			resource: 'note',
			operation: 'update',
			contactId: byId(contact.id),
			noteId: notes[1].id,
			updateFields: { body: 'Budget approved for Q4.' },
		});
		expectRequest(only(result, 'update-note'), {
			method: 'PUT',
			path: `/contacts/${contact.id}/notes/${notes[1].id}`,
			body: { body: 'Budget approved for Q4.' },
		});
		expect(result.out[0]).toMatchObject({ id: notes[1].id, body: 'Budget approved for Q4.', userId: notes[1].userId });
	});

	opTest('delete-note', 'deletes the note', async () => {
		const { contact, notes } = contactWithNotes();
		const result = await run({ resource: 'note', operation: 'delete', contactId: byId(contact.id), noteId: notes[0].id });
		expectRequest(only(result, 'delete-note'), { method: 'DELETE', path: `/contacts/${contact.id}/notes/${notes[0].id}` });
		expect(result.out).toEqual([{ contactId: contact.id, noteId: notes[0].id, succeded: true }]);
		const left = await api('GET', `/contacts/${contact.id}/notes`);
		expect((left.notes as Array<{ id: string }>).map((note) => note.id)).not.toContain(notes[0].id);
	});
});
