import { CALENDARS_VERSION, expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, seed, api } = nodeTests();

interface Note {
	id: string;
	body: string;
	userId?: string;
}

function notesOf(appointmentId: string): Note[] {
	return (sandbox().snapshot() as { records: Record<string, Note[]> }).records[`/calendars/appointments/${appointmentId}/notes`] ?? [];
}

describe('Appointment Note', () => {
	opTest('get-appointment-notes', 'lists the notes newest first; Return All pages by offset until hasMore is false', async () => {
		const [appointment] = seed().appointments;
		for (const text of ['Second note', 'Third note']) {
			await api('POST', `/calendars/appointments/${appointment.id}/notes`, { body: text }, CALENDARS_VERSION);
		}
		const all = await run({ resource: 'appointmentNote', operation: 'getAll', appointmentId: appointment.id, returnAll: true });
		expectRequest(only(all, 'get-appointment-notes'), {
			method: 'GET',
			path: `/calendars/appointments/${appointment.id}/notes`,
			version: CALENDARS_VERSION,
			query: { offset: '0', limit: '100' },
		});
		expect(all.out.map((note) => note.body).sort()).toEqual(['Asked for the pricing sheet before the call', 'Second note', 'Third note']);
		expect(all.out.every((note) => note.contactId === appointment.contactId)).toBe(true);
		const two = await run({ resource: 'appointmentNote', operation: 'getAll', appointmentId: appointment.id, returnAll: false, limit: 2 });
		expect(only(two, 'get-appointment-notes').query).toEqual({ offset: '0', limit: '2' });
		expect(two.out).toEqual(all.out.slice(0, 2));
	});

	opTest('create-appointment-note', 'adds a note by an author picked from the users', async () => {
		const [appointment] = seed().appointments;
		const author = sandbox().demo.userIds[1];
		const result = await run({ resource: 'appointmentNote', operation: 'create', appointmentId: appointment.id, body: 'Bring the contract', additionalFields: { userId: author } });
		expectRequest(only(result, 'create-appointment-note'), {
			method: 'POST',
			path: `/calendars/appointments/${appointment.id}/notes`,
			version: CALENDARS_VERSION,
			body: { body: 'Bring the contract', userId: author },
		});
		expect(result.out).toEqual([expect.objectContaining({ id: expect.any(String), body: 'Bring the contract', userId: author, contactId: appointment.contactId })]);
		expect(notesOf(appointment.id).map((note) => note.body)).toContain('Bring the contract');
	});

	test('an empty note or a bad appointment ID is refused before any request', async () => {
		const [appointment] = seed().appointments;
		const empty = await run({ resource: 'appointmentNote', operation: 'create', appointmentId: appointment.id, body: '={{ "  " }}' });
		expect(empty.error?.message).toMatch(/^Body: expected a value/);
		const badId = await run({ resource: 'appointmentNote', operation: 'getAll', appointmentId: 'a/b', returnAll: true });
		expect(badId.error?.message).toMatch(/^Appointment ID: expected/);
		expect([...empty.requests, ...badId.requests]).toHaveLength(0);
	});

	opTest('update-appointment-note', 'replaces the note’s text', async () => {
		const [appointment] = seed().appointments;
		const [note] = notesOf(appointment.id);
		const result = await run({ resource: 'appointmentNote', operation: 'update', appointmentId: appointment.id, noteId: note.id, body: 'Pricing sheet sent' });
		expectRequest(only(result, 'update-appointment-note'), {
			method: 'PUT',
			path: `/calendars/appointments/${appointment.id}/notes/${note.id}`,
			version: CALENDARS_VERSION,
			body: { body: 'Pricing sheet sent' },
		});
		expect(result.out[0]).toMatchObject({ id: note.id, body: 'Pricing sheet sent', userId: note.userId });
		expect(notesOf(appointment.id)[0].body).toBe('Pricing sheet sent');
	});

	opTest('delete-appointment-note', 'deletes the note', async () => {
		const [appointment] = seed().appointments;
		const [note] = notesOf(appointment.id);
		const result = await run({ resource: 'appointmentNote', operation: 'delete', appointmentId: appointment.id, noteId: note.id });
		expectRequest(only(result, 'delete-appointment-note'), {
			method: 'DELETE',
			path: `/calendars/appointments/${appointment.id}/notes/${note.id}`,
			version: CALENDARS_VERSION,
		});
		expect(result.out).toEqual([{ appointmentId: appointment.id, noteId: note.id, success: true }]);
		expect(notesOf(appointment.id)).toEqual([]);
	});
});
