import { CALENDARS_VERSION, expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, seed, api } = nodeTests();

const byId = (value: string) => ({ mode: 'id', value });

describe('Appointment', () => {
	opTest('create-appointment', 'books on a calendar with the location from the credential', async () => {
		const { contacts } = seed();
		const { calendarIds, userIds, locationId } = sandbox().demo;
		const result = await run(
			{
				resource: 'appointment',
				operation: 'create',
				calendarId: calendarIds[1],
				contactId: byId(contacts[4].id),
				startTime: '2031-06-10T10:00:00',
				additionalFields: {
					endTime: '2031-06-10T11:00:00',
					title: 'Kick-off',
					appointmentStatus: 'confirmed',
					assignedUserId: userIds[0],
					address: 'https://meet.example.com/kick-off',
					meetingLocationType: 'custom',
					toNotify: false,
					description: 'Agenda in the invite',
				},
			},
			{ settings: { timezone: 'America/New_York' } },
		);
		expect(result.error).toBeUndefined();
		expectRequest(only(result, 'create-appointment'), {
			method: 'POST',
			path: '/calendars/events/appointments',
			version: CALENDARS_VERSION,
			status: 200,
			body: {
				calendarId: calendarIds[1],
				contactId: contacts[4].id,
				locationId,
				startTime: '2031-06-10T10:00:00-04:00',
				endTime: '2031-06-10T11:00:00-04:00',
				title: 'Kick-off',
				appointmentStatus: 'confirmed',
				assignedUserId: userIds[0],
				address: 'https://meet.example.com/kick-off',
				meetingLocationType: 'custom',
				toNotify: false,
				description: 'Agenda in the invite',
			},
		});
		expect(result.out).toEqual([
			expect.objectContaining({
				id: expect.any(String),
				calendarId: calendarIds[1],
				contactId: contacts[4].id,
				title: 'Kick-off',
				appointmentStatus: 'confirmed',
			}),
		]);
		expect(Date.parse(String(result.out[0].startTime))).toBe(Date.parse('2031-06-10T14:00:00Z'));
		const stored = await api('GET', `/calendars/events/appointments/${result.out[0].id}`, undefined, CALENDARS_VERSION);
		expect(stored.event).toMatchObject({ id: result.out[0].id, contactId: contacts[4].id });
	});

	test('bad times and a recurrence without free-slot override are refused before any request', async () => {
		const { contacts } = seed();
		const base = { resource: 'appointment', operation: 'create', calendarId: sandbox().demo.calendarIds[0], contactId: byId(contacts[0].id) };
		const badStart = await run({ ...base, startTime: '10/06/2031 10:00' });
		expect(badStart.error?.message).toMatch(/^Start Time: expected an ISO 8601 date/);
		const backwards = await run({ ...base, startTime: '2031-06-10T10:00:00Z', additionalFields: { endTime: '2031-06-10T09:00:00Z' } });
		expect(backwards.error?.message).toMatch(/^End Time: expected a time after the Start Time/);
		const rrule = await run({ ...base, startTime: '2031-06-10T10:00:00Z', additionalFields: { rrule: 'RRULE:FREQ=WEEKLY;COUNT=3' } });
		expect(rrule.error?.message).toMatch(/^Recurrence Rule: .*Ignore Free Slot Validation/);
		// n8n itself refuses an empty required field; an expression that resolves to nothing reaches the node.
		const noCalendar = await run({ ...base, calendarId: '={{ "" }}', startTime: '2031-06-10T10:00:00Z' });
		expect(noCalendar.error?.message).toMatch(/^Calendar: expected a value/);
		expect([badStart, backwards, rrule, noCalendar].flatMap((result) => result.requests)).toHaveLength(0);
	});

	opTest('create-appointment', 'a taken slot fails with GHL’s message; Ignore Free Slot Validation books it', async () => {
		const { contacts, appointments } = seed();
		const taken = appointments[2];
		const params = {
			resource: 'appointment',
			operation: 'create',
			calendarId: String(taken.calendarId),
			contactId: byId(contacts[6].id),
			startTime: String(taken.startTime),
			additionalFields: { assignedUserId: String(taken.assignedUserId) },
		};
		const refused = await run(params);
		expect(refused.error?.message).toBe('GHL API error 400: The slot you have selected is no longer available.');
		const forced = await run({ ...params, additionalFields: { ...params.additionalFields, ignoreFreeSlotValidation: true } });
		expect(only(forced, 'create-appointment').body).toMatchObject({ ignoreFreeSlotValidation: true, startTime: taken.startTime });
		expect(forced.out[0]).toMatchObject({ contactId: contacts[6].id, calendarId: taken.calendarId });
	});

	opTest('get-appointment', 'returns the event', async () => {
		const [appointment] = seed().appointments;
		const result = await run({ resource: 'appointment', operation: 'get', eventId: appointment.id });
		expectRequest(only(result, 'get-appointment'), {
			method: 'GET',
			path: `/calendars/events/appointments/${appointment.id}`,
			version: CALENDARS_VERSION,
		});
		expect(result.out).toEqual([
			expect.objectContaining({ id: appointment.id, calendarId: appointment.calendarId, contactId: appointment.contactId, title: appointment.title }),
		]);
	});

	opTest('edit-appointment', 'reschedules and changes the status', async () => {
		const [appointment] = seed().appointments;
		const result = await run({
			resource: 'appointment',
			operation: 'update',
			eventId: appointment.id,
			updateFields: { startTime: '2030-02-01T15:00:00-05:00', endTime: '2030-02-01T15:45:00-05:00', appointmentStatus: 'showed' },
		});
		expectRequest(only(result, 'edit-appointment'), {
			method: 'PUT',
			path: `/calendars/events/appointments/${appointment.id}`,
			version: CALENDARS_VERSION,
			body: { startTime: '2030-02-01T15:00:00-05:00', endTime: '2030-02-01T15:45:00-05:00', appointmentStatus: 'showed' },
		});
		expect(result.out[0]).toMatchObject({ id: appointment.id, appointmentStatus: 'showed', title: appointment.title });
		expect(Date.parse(String(result.out[0].startTime))).toBe(Date.parse('2030-02-01T20:00:00Z'));
	});

	test('edit-appointment with nothing to change is refused before any request', async () => {
		const [appointment] = seed().appointments;
		const result = await run({ resource: 'appointment', operation: 'update', eventId: appointment.id, updateFields: {} });
		expect(result.requests).toHaveLength(0);
		expect(result.error?.message).toBe('Update Fields: add at least one field to change');
	});

	opTest('delete-event', 'deletes the appointment with the empty JSON body the spec requires', async () => {
		const [appointment] = seed().appointments;
		const result = await run({ resource: 'appointment', operation: 'delete', eventId: appointment.id });
		expectRequest(only(result, 'delete-event'), {
			method: 'DELETE',
			path: `/calendars/events/${appointment.id}`,
			version: CALENDARS_VERSION,
			status: 201,
			emptyBody: true,
		});
		expect(result.out).toEqual([{ eventId: appointment.id, succeeded: true }]);
		await expect(api('GET', `/calendars/events/appointments/${appointment.id}`, undefined, CALENDARS_VERSION)).rejects.toThrow(
			/Appointment not found/,
		);
	});

	opTest('get-appointments-for-contact', 'returns the contact’s appointments, cut to the limit', async () => {
		const { contacts, appointments } = seed();
		const owner = contacts.find((contact) => contact.id === appointments[0].contactId)!;
		await api(
			'POST',
			'/calendars/events/appointments',
			{
				calendarId: sandbox().demo.calendarIds[1],
				locationId: sandbox().demo.locationId,
				contactId: owner.id,
				startTime: '2030-03-01T09:00:00Z',
			},
			CALENDARS_VERSION,
		);
		const all = await run({ resource: 'appointment', operation: 'getAll', contactId: byId(owner.id), returnAll: true });
		expectRequest(only(all, 'get-appointments-for-contact'), { method: 'GET', path: `/contacts/${owner.id}/appointments` });
		expect(all.out).toHaveLength(2);
		expect(all.out.every((event) => event.contactId === owner.id)).toBe(true);
		expect(all.out.map((event) => event.id)).toContain(appointments[0].id);
		const limited = await run({ resource: 'appointment', operation: 'getAll', contactId: byId(owner.id), returnAll: false, limit: 1 });
		expect(limited.out).toEqual([all.out[0]]);
	});
});
