import { CALENDARS_VERSION, expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, api } = nodeTests();

const byId = (value: string) => ({ mode: 'id', value });

interface Group {
	id: string;
	locationId: string;
	name: string;
	slug: string;
	isActive: boolean;
}

function groups(): Group[] {
	const records = (sandbox().snapshot() as { records: Record<string, Group[]> }).records['/calendars/groups'] ?? [];
	return records.filter((group) => group.locationId === sandbox().demo.locationId);
}

describe('Calendar', () => {
	opTest('get-calendars', 'lists the location’s calendars, cut to the limit', async () => {
		const all = await run({ resource: 'calendar', operation: 'getAll', returnAll: true });
		expectRequest(only(all, 'get-calendars'), {
			method: 'GET',
			path: '/calendars/',
			version: CALENDARS_VERSION,
			query: { locationId: sandbox().demo.locationId },
		});
		expect(all.out.map((calendar) => calendar.name)).toEqual(['Discovery Call', 'Onboarding Session']);
		const one = await run({ resource: 'calendar', operation: 'getAll', returnAll: false, limit: 1 });
		expect(one.out).toEqual([all.out[0]]);
	});

	opTest('get-calendar', 'returns the calendar with its team, from the list or by ID', async () => {
		const [discovery] = sandbox().demo.calendarIds;
		const result = await run({ resource: 'calendar', operation: 'get', calendarId: { mode: 'list', value: discovery } });
		expectRequest(only(result, 'get-calendar'), { method: 'GET', path: `/calendars/${discovery}`, version: CALENDARS_VERSION });
		expect(result.out).toEqual([
			expect.objectContaining({ id: discovery, name: 'Discovery Call', calendarType: 'round_robin', slotDuration: 30 }),
		]);
		expect((result.out[0].teamMembers as Array<{ userId: string }>).map((member) => member.userId)).toEqual(sandbox().demo.userIds.slice(1, 3));
	});

	opTest('create-calendar', 'creates a calendar with its team and slots; GHL answers it back', async () => {
		const { userIds, locationId } = sandbox().demo;
		const result = await run({
			resource: 'calendar',
			operation: 'create',
			name: 'Demo Day',
			additionalFields: { calendarType: 'event', teamMembers: [userIds[0], userIds[1]], slotDuration: 45, slotInterval: 15, autoConfirm: false, description: 'Product demos' },
		});
		expectRequest(only(result, 'create-calendar'), {
			method: 'POST',
			path: '/calendars/',
			version: CALENDARS_VERSION,
			status: 200,
			body: {
				name: 'Demo Day',
				locationId,
				calendarType: 'event',
				description: 'Product demos',
				slotDuration: 45,
				slotInterval: 15,
				autoConfirm: false,
				teamMembers: [
					{ userId: userIds[0], isPrimary: true },
					{ userId: userIds[1], isPrimary: false },
				],
			},
		});
		expect(result.out[0]).toMatchObject({ name: 'Demo Day', slotDuration: 45, slotInterval: 15, autoConfirm: false, locationId });
		const stored = await api('GET', `/calendars/${String(result.out[0].id)}`, undefined, CALENDARS_VERSION);
		expect((stored.calendar as { teamMembers: Array<{ userId: string; isPrimary: boolean }> }).teamMembers).toEqual([
			expect.objectContaining({ userId: userIds[0], isPrimary: true }),
			expect.objectContaining({ userId: userIds[1], isPrimary: false }),
		]);
	});

	test('create-calendar with a user of another location is refused by GHL, named', async () => {
		const result = await run({ resource: 'calendar', operation: 'create', name: 'Wrong team', additionalFields: { teamMembers: [sandbox().demo.userIds[3]] } });
		expect(result.error?.message).toMatch(/Invalid team member/);
	});

	opTest('update-calendar', 'changes the slot length and the group; the rest is kept', async () => {
		const [discovery] = sandbox().demo.calendarIds;
		const group = groups()[0];
		const result = await run({
			resource: 'calendar',
			operation: 'update',
			calendarId: byId(discovery),
			updateFields: { slotDuration: 20, groupId: group.id, name: 'Discovery Call (short)' },
		});
		expectRequest(only(result, 'update-calendar'), {
			method: 'PUT',
			path: `/calendars/${discovery}`,
			version: CALENDARS_VERSION,
			body: { slotDuration: 20, groupId: group.id, name: 'Discovery Call (short)' },
		});
		expect(result.out[0]).toMatchObject({ id: discovery, slotDuration: 20, groupId: group.id, name: 'Discovery Call (short)', calendarType: 'round_robin' });
	});

	test('bad calendar input is refused before any request, naming the field', async () => {
		const [discovery] = sandbox().demo.calendarIds;
		const nothing = await run({ resource: 'calendar', operation: 'update', calendarId: byId(discovery), updateFields: {} });
		expect(nothing.error?.message).toBe('Update Fields: add at least one field to change');
		const badId = await run({ resource: 'calendar', operation: 'get', calendarId: { mode: 'list', value: '../contacts' } });
		expect(badId.error?.message).toMatch(/^Calendar: expected/);
		const noName = await run({ resource: 'calendar', operation: 'create', name: '={{ "" }}' });
		expect(noName.error?.message).toMatch(/^Name: expected a value/);
		const badDuration = await run({ resource: 'calendar', operation: 'update', calendarId: byId(discovery), updateFields: { slotDuration: -5 } });
		expect(badDuration.error?.message).toMatch(/^Slot Duration: expected a positive number/);
		expect([nothing, badId, noName, badDuration].flatMap((result) => result.requests)).toHaveLength(0);
	});

	opTest('delete-calendar', 'deletes the calendar; GHL no longer finds it', async () => {
		const created = await api('POST', '/calendars/', { locationId: sandbox().demo.locationId, name: 'Short-lived' }, CALENDARS_VERSION);
		const calendarId = String((created.calendar as { id: string }).id);
		const result = await run({ resource: 'calendar', operation: 'delete', calendarId: byId(calendarId) });
		expectRequest(only(result, 'delete-calendar'), { method: 'DELETE', path: `/calendars/${calendarId}`, version: CALENDARS_VERSION });
		expect(result.out).toEqual([{ calendarId, success: true }]);
		await expect(api('GET', `/calendars/${calendarId}`, undefined, CALENDARS_VERSION)).rejects.toThrow(/Calendar not found/);
	});

	opTest('get-slots', 'lists free slots by day in the location’s time zone, leaving out a booked hour', async () => {
		const onboarding = sandbox().demo.calendarIds[1];
		// Thursday 2030-01-17 in New York; the seed books 14:00–15:00 on this calendar.
		const result = await run({
			resource: 'calendar',
			operation: 'getFreeSlots',
			calendarId: byId(onboarding),
			startDate: '2030-01-17T05:00:00Z',
			endDate: '2030-01-18T04:59:00Z',
		});
		expectRequest(only(result, 'get-slots'), {
			method: 'GET',
			path: `/calendars/${onboarding}/free-slots`,
			version: CALENDARS_VERSION,
			query: { startDate: String(Date.parse('2030-01-17T05:00:00Z')), endDate: String(Date.parse('2030-01-18T04:59:00Z')) },
		});
		expect(result.out).toEqual([
			{ date: '2030-01-17', slots: ['09', '10', '11', '12', '13', '15', '16'].map((hour) => `2030-01-17T${hour}:00:00-05:00`) },
		]);
	});

	opTest('get-slots', 'in a chosen time zone: the dates picked are read there and the slots written there', async () => {
		const onboarding = sandbox().demo.calendarIds[1];
		const result = await run({
			resource: 'calendar',
			operation: 'getFreeSlots',
			calendarId: byId(onboarding),
			startDate: '2030-01-17T00:00:00',
			endDate: '2030-01-17T23:59:00',
			options: { timezone: 'Europe/Berlin' },
		});
		expect(only(result, 'get-slots').query).toEqual({
			startDate: String(Date.parse('2030-01-16T23:00:00Z')),
			endDate: String(Date.parse('2030-01-17T22:59:00Z')),
			timezone: 'Europe/Berlin',
		});
		expect(result.out).toEqual([{ date: '2030-01-17', slots: [9, 10, 11, 12, 13, 14, 15, 16].map((hour) => `2030-01-17T${String(hour).padStart(2, '0')}:00:00+01:00`) }]);
	});

	opTest('get-slots', 'for chosen team members: a slot one of them has booked is gone only when all asked for are busy', async () => {
		const [discovery] = sandbox().demo.calendarIds;
		const [, seller, support] = sandbox().demo.userIds;
		// The seed books the seller on Discovery Call 2030-01-15 10:00–10:30 New York time.
		const window = { resource: 'calendar', operation: 'getFreeSlots', calendarId: byId(discovery), startDate: '2030-01-15T15:00:00Z', endDate: '2030-01-15T16:00:00Z' };
		const sellerOnly = await run({ ...window, options: { userIds: [seller] } });
		expect(only(sellerOnly, 'get-slots').query).toMatchObject({ userId: seller });
		expect(sellerOnly.out).toEqual([{ date: '2030-01-15', slots: ['2030-01-15T10:30:00-05:00', '2030-01-15T11:00:00-05:00'] }]);
		const both = await run({ ...window, options: { userIds: [seller, support] } });
		expect(only(both, 'get-slots').query).toMatchObject({ userIds: [seller, support] });
		expect(both.out).toEqual([{ date: '2030-01-15', slots: ['2030-01-15T10:00:00-05:00', '2030-01-15T10:30:00-05:00', '2030-01-15T11:00:00-05:00'] }]);
	});

	test('bad free-slot windows and time zones are refused before any request', async () => {
		const base = { resource: 'calendar', operation: 'getFreeSlots', calendarId: byId(sandbox().demo.calendarIds[1]) };
		const backwards = await run({ ...base, startDate: '2030-01-17T10:00:00Z', endDate: '2030-01-17T09:00:00Z' });
		expect(backwards.error?.message).toBe('End Date: expected a time after the Start Date');
		const tooLong = await run({ ...base, startDate: '2030-01-01T00:00:00Z', endDate: '2030-03-01T00:00:00Z' });
		expect(tooLong.error?.message).toMatch(/^End Date: expected at most 31 days/);
		const badZone = await run({ ...base, startDate: '2030-01-17T00:00:00Z', endDate: '2030-01-18T00:00:00Z', options: { timezone: 'Mars/Olympus' } });
		expect(badZone.error?.message).toMatch(/^Time Zone: expected an IANA time zone/);
		const badDate = await run({ ...base, startDate: 'next tuesday', endDate: '2030-01-18T00:00:00Z' });
		expect(badDate.error?.message).toMatch(/^Start Date: expected an ISO 8601 date/);
		expect([backwards, tooLong, badZone, badDate].flatMap((result) => result.requests)).toHaveLength(0);
	});
});

describe('Calendar Group', () => {
	opTest('get-groups', 'lists the location’s groups (not another location’s)', async () => {
		const result = await run({ resource: 'calendarGroup', operation: 'getAll', returnAll: true });
		expectRequest(only(result, 'get-groups'), {
			method: 'GET',
			path: '/calendars/groups',
			version: CALENDARS_VERSION,
			query: { locationId: sandbox().demo.locationId },
		});
		expect(result.out).toEqual([expect.objectContaining({ name: 'Sales Team', slug: 'sales-team', isActive: true, locationId: sandbox().demo.locationId })]);
	});

	opTest('create-calendar-group', 'creates a group; its slug is then taken', async () => {
		const result = await run({ resource: 'calendarGroup', operation: 'create', name: 'Support', description: 'Support calls', slug: 'support' });
		expectRequest(only(result, 'create-calendar-group'), {
			method: 'POST',
			path: '/calendars/groups',
			version: CALENDARS_VERSION,
			body: { name: 'Support', description: 'Support calls', slug: 'support', isActive: true, locationId: sandbox().demo.locationId },
		});
		expect(result.out).toEqual([expect.objectContaining({ id: expect.any(String), name: 'Support', slug: 'support', isActive: true })]);
		const again = await run({ resource: 'calendarGroup', operation: 'create', name: 'Support 2', description: 'Again', slug: 'support' });
		expect(again.error?.message).toMatch(/Slug is already taken/);
	});

	opTest('validate-groups-slug', 'a taken slug is not available, a new one is', async () => {
		const taken = await run({ resource: 'calendarGroup', operation: 'validateSlug', slug: 'sales-team' });
		expectRequest(only(taken, 'validate-groups-slug'), {
			method: 'POST',
			path: '/calendars/groups/validate-slug',
			version: CALENDARS_VERSION,
			status: 200,
			body: { locationId: sandbox().demo.locationId, slug: 'sales-team' },
		});
		expect(taken.out).toEqual([{ slug: 'sales-team', available: false }]);
		const free = await run({ resource: 'calendarGroup', operation: 'validateSlug', slug: 'brand-new' });
		expect(free.out).toEqual([{ slug: 'brand-new', available: true }]);
		const bad = await run({ resource: 'calendarGroup', operation: 'validateSlug', slug: 'Sales Team!' });
		expect(bad.error?.message).toMatch(/^Slug: expected lowercase letters, digits and hyphens/);
		expect(bad.requests).toHaveLength(0);
	});

	opTest('edit-group', 'renames the group and moves its slug', async () => {
		const [group] = groups();
		const result = await run({ resource: 'calendarGroup', operation: 'update', groupId: group.id, name: 'Sales', description: 'All sales calls', slug: 'sales' });
		expectRequest(only(result, 'edit-group'), {
			method: 'PUT',
			path: `/calendars/groups/${group.id}`,
			version: CALENDARS_VERSION,
			body: { name: 'Sales', description: 'All sales calls', slug: 'sales' },
		});
		expect(result.out[0]).toMatchObject({ id: group.id, name: 'Sales', slug: 'sales' });
		expect(groups()[0]).toMatchObject({ name: 'Sales', slug: 'sales' });
	});

	opTest('disable-group', 'disables the group, then enables it again', async () => {
		const [group] = groups();
		const off = await run({ resource: 'calendarGroup', operation: 'setActive', groupId: group.id, isActive: false });
		expectRequest(only(off, 'disable-group'), {
			method: 'PUT',
			path: `/calendars/groups/${group.id}/status`,
			version: CALENDARS_VERSION,
			body: { isActive: false },
		});
		expect(off.out).toEqual([{ groupId: group.id, isActive: false, success: true }]);
		expect(groups()[0].isActive).toBe(false);
		await run({ resource: 'calendarGroup', operation: 'setActive', groupId: group.id, isActive: true });
		expect(groups()[0].isActive).toBe(true);
	});

	opTest('delete-group', 'deletes the group', async () => {
		const [group] = groups();
		const result = await run({ resource: 'calendarGroup', operation: 'delete', groupId: group.id });
		expectRequest(only(result, 'delete-group'), { method: 'DELETE', path: `/calendars/groups/${group.id}`, version: CALENDARS_VERSION });
		expect(result.out).toEqual([{ groupId: group.id, success: true }]);
		expect(groups()).toEqual([]);
	});
});
