import { CALENDARS_VERSION, expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, seed, api } = nodeTests();

const byId = (value: string) => ({ mode: 'id', value });

interface BlockedSlot {
	id: string;
	locationId: string;
	calendarId: string;
	title: string;
	startTime: string;
	endTime: string;
	assignedUserId?: string;
}

function blockedSlots(): BlockedSlot[] {
	return (sandbox().snapshot() as { records: Record<string, BlockedSlot[]> }).records['/calendars/events/block-slots'] ?? [];
}

const JANUARY_2030 = { startTime: '2030-01-01T00:00:00Z', endTime: '2030-02-01T00:00:00Z' };

describe('Calendar Event', () => {
	opTest('get-calendar-events', 'lists a calendar’s appointments in the window, as epoch milliseconds', async () => {
		const [discovery] = sandbox().demo.calendarIds;
		const result = await run({ resource: 'calendarEvent', operation: 'getAll', eventsOf: 'calendar', calendarId: byId(discovery), ...JANUARY_2030, returnAll: true });
		expectRequest(only(result, 'get-calendar-events'), {
			method: 'GET',
			path: '/calendars/events',
			version: CALENDARS_VERSION,
			query: {
				locationId: sandbox().demo.locationId,
				calendarId: discovery,
				startTime: String(Date.parse(JANUARY_2030.startTime)),
				endTime: String(Date.parse(JANUARY_2030.endTime)),
			},
		});
		const expected = seed().appointments.filter((appointment) => appointment.calendarId === discovery);
		expect(expected).toHaveLength(2);
		expect(result.out.map((event) => event.id)).toEqual(expected.map((appointment) => appointment.id));
		expect(result.out[0]).toMatchObject({ calendarId: discovery, title: expected[0].title, contactId: expected[0].contactId });
		const one = await run({ resource: 'calendarEvent', operation: 'getAll', eventsOf: 'calendar', calendarId: byId(discovery), ...JANUARY_2030, returnAll: false, limit: 1 });
		expect(one.out).toEqual([result.out[0]]);
	});

	opTest('get-calendar-events', 'a user’s appointments: only those assigned to them', async () => {
		const [, seller] = sandbox().demo.userIds;
		const result = await run({ resource: 'calendarEvent', operation: 'getAll', eventsOf: 'user', userId: seller, ...JANUARY_2030, returnAll: true });
		expect(only(result, 'get-calendar-events').query).toMatchObject({ userId: seller });
		expect(result.out.length).toBeGreaterThan(0);
		expect(result.out.every((event) => event.assignedUserId === seller)).toBe(true);
	});

	test('a window that ends before it starts is refused before any request', async () => {
		const result = await run({
			resource: 'calendarEvent',
			operation: 'getAll',
			eventsOf: 'calendar',
			calendarId: byId(sandbox().demo.calendarIds[0]),
			startTime: '2030-02-01T00:00:00Z',
			endTime: '2030-01-01T00:00:00Z',
		});
		expect(result.error?.message).toBe('End Time: expected a time after the Start Time');
		expect(result.requests).toHaveLength(0);
	});
});

describe('Blocked Slot', () => {
	opTest('get-blocked-slots', 'lists the calendar’s blocked slots in the window', async () => {
		const onboarding = sandbox().demo.calendarIds[1];
		const result = await run({ resource: 'blockedSlot', operation: 'getAll', eventsOf: 'calendar', calendarId: byId(onboarding), ...JANUARY_2030, returnAll: true });
		expectRequest(only(result, 'get-blocked-slots'), {
			method: 'GET',
			path: '/calendars/blocked-slots',
			version: CALENDARS_VERSION,
			query: {
				locationId: sandbox().demo.locationId,
				calendarId: onboarding,
				startTime: String(Date.parse(JANUARY_2030.startTime)),
				endTime: String(Date.parse(JANUARY_2030.endTime)),
			},
		});
		expect(result.out).toEqual([
			expect.objectContaining({ id: blockedSlots()[0].id, calendarId: onboarding, title: 'Lunch', startTime: '2030-01-18T12:00:00-05:00', endTime: '2030-01-18T13:00:00-05:00' }),
		]);
		const outside = await run({ resource: 'blockedSlot', operation: 'getAll', eventsOf: 'calendar', calendarId: byId(onboarding), startTime: '2030-03-01T00:00:00Z', endTime: '2030-03-31T00:00:00Z', returnAll: true });
		expect(outside.out).toEqual([]);
	});

	opTest('create-block-slot', 'blocks an hour; that hour is no longer a free slot', async () => {
		const onboarding = sandbox().demo.calendarIds[1];
		const { locationId, userId } = sandbox().demo;
		const result = await run({
			resource: 'blockedSlot',
			operation: 'create',
			calendarId: byId(onboarding),
			startTime: '2030-01-17T10:00:00-05:00',
			endTime: '2030-01-17T11:00:00-05:00',
			additionalFields: { title: 'Dentist', assignedUserId: userId },
		});
		expectRequest(only(result, 'create-block-slot'), {
			method: 'POST',
			path: '/calendars/events/block-slots',
			version: CALENDARS_VERSION,
			body: { calendarId: onboarding, locationId, startTime: '2030-01-17T10:00:00-05:00', endTime: '2030-01-17T11:00:00-05:00', title: 'Dentist', assignedUserId: userId },
		});
		expect(result.out).toEqual([
			{ id: expect.any(String), locationId, calendarId: onboarding, title: 'Dentist', assignedUserId: userId, startTime: '2030-01-17T10:00:00-05:00', endTime: '2030-01-17T11:00:00-05:00' },
		]);
		const slots = await run({ resource: 'calendar', operation: 'getFreeSlots', calendarId: byId(onboarding), startDate: '2030-01-17T05:00:00Z', endDate: '2030-01-18T04:59:00Z' });
		expect(slots.out[0].slots).not.toContain('2030-01-17T10:00:00-05:00');
		expect(slots.out[0].slots).toContain('2030-01-17T11:00:00-05:00');
	});

	test('create-block-slot with the end before the start is refused before any request', async () => {
		const result = await run({
			resource: 'blockedSlot',
			operation: 'create',
			calendarId: byId(sandbox().demo.calendarIds[1]),
			startTime: '2030-01-17T11:00:00Z',
			endTime: '2030-01-17T10:00:00Z',
		});
		expect(result.error?.message).toMatch(/^End Time: expected a time after the Start Time/);
		expect(result.requests).toHaveLength(0);
	});

	opTest('edit-block-slot', 'moves the slot and renames it; GHL needs the calendar and location on every update', async () => {
		const [slot] = blockedSlots();
		const result = await run({
			resource: 'blockedSlot',
			operation: 'update',
			eventId: slot.id,
			calendarId: byId(slot.calendarId),
			updateFields: { title: 'Long lunch', endTime: '2030-01-18T13:30:00-05:00' },
		});
		expectRequest(only(result, 'edit-block-slot'), {
			method: 'PUT',
			path: `/calendars/events/block-slots/${slot.id}`,
			version: CALENDARS_VERSION,
			status: 201,
			body: { title: 'Long lunch', endTime: '2030-01-18T13:30:00-05:00', calendarId: slot.calendarId, locationId: sandbox().demo.locationId },
		});
		expect(result.out[0]).toMatchObject({ id: slot.id, title: 'Long lunch', startTime: slot.startTime, endTime: '2030-01-18T13:30:00-05:00' });
		expect(blockedSlots()[0]).toMatchObject({ title: 'Long lunch', endTime: '2030-01-18T13:30:00-05:00' });
	});

	test('a blocked slot is deleted as a calendar event (Appointment: Delete, DELETE /calendars/events/{eventId})', async () => {
		const [slot] = blockedSlots();
		const result = await run({ resource: 'appointment', operation: 'delete', eventId: slot.id });
		expect(result.out).toEqual([{ eventId: slot.id, succeeded: true }]);
		expect(blockedSlots()).toEqual([]);
		await expect(api('PUT', `/calendars/events/block-slots/${slot.id}`, { calendarId: slot.calendarId, locationId: slot.locationId }, CALENDARS_VERSION)).rejects.toThrow(/Blocked slot not found/);
	});
});
