import { CALENDARS_VERSION, expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, api } = nodeTests();

interface Resource {
	id: string;
	locationId: string;
	name: string;
	capacity: number;
	quantity: number;
	calendarIds: string[];
	isActive: boolean;
}

function resources(kind: 'rooms' | 'equipments'): Resource[] {
	return (sandbox().snapshot() as { records: Record<string, Resource[]> }).records[`/calendars/resources/${kind}`] ?? [];
}

describe('Calendar Resource', () => {
	opTest('fetch-calendar-resources', 'lists the rooms, then the equipment; Return All pages by skip/limit', async () => {
		const { locationId } = sandbox().demo;
		const rooms = await run({ resource: 'calendarResource', operation: 'getAll', resourceType: 'rooms', returnAll: true });
		expectRequest(only(rooms, 'fetch-calendar-resources'), {
			method: 'GET',
			path: '/calendars/resources/rooms',
			version: CALENDARS_VERSION,
			query: { locationId, skip: '0', limit: '100' },
		});
		expect(rooms.out).toEqual([expect.objectContaining({ name: 'Meeting Room A', resourceType: 'rooms', capacity: 8, isActive: true })]);
		for (const name of ['Camera', 'Whiteboard']) {
			await api('POST', '/calendars/resources/equipments', { locationId, name, description: name, quantity: 1, outOfService: 0, capacity: 1, calendarIds: [] }, CALENDARS_VERSION);
		}
		const equipment = await run({ resource: 'calendarResource', operation: 'getAll', resourceType: 'equipments', returnAll: true });
		expect(equipment.out.map((item) => item.name)).toEqual(['Projector', 'Camera', 'Whiteboard']);
		const two = await run({ resource: 'calendarResource', operation: 'getAll', resourceType: 'equipments', returnAll: false, limit: 2 });
		expect(only(two, 'fetch-calendar-resources').query).toMatchObject({ skip: '0', limit: '2' });
		expect(two.out).toEqual(equipment.out.slice(0, 2));
	});

	opTest('create-calendar-resource', 'adds a room with its counts and calendars; GHL needs every field, so defaults are sent', async () => {
		const { locationId, calendarIds } = sandbox().demo;
		const result = await run({ resource: 'calendarResource', operation: 'create', resourceType: 'rooms', name: 'Meeting Room B', description: 'First floor', capacity: 4, calendarIds: [calendarIds[0]] });
		expectRequest(only(result, 'create-calendar-resource'), {
			method: 'POST',
			path: '/calendars/resources/rooms',
			version: CALENDARS_VERSION,
			body: { name: 'Meeting Room B', description: 'First floor', quantity: 1, outOfService: 0, capacity: 4, calendarIds: [calendarIds[0]], locationId },
		});
		expect(result.out[0]).toMatchObject({ name: 'Meeting Room B', resourceType: 'rooms', capacity: 4, calendarIds: [calendarIds[0]], isActive: true });
		expect(resources('rooms').map((room) => room.name)).toEqual(['Meeting Room A', 'Meeting Room B']);
	});

	test('bad counts are refused before any request; a calendar of another location by GHL', async () => {
		const overbooked = await run({ resource: 'calendarResource', operation: 'create', resourceType: 'rooms', name: 'Room', description: 'x', quantity: 1, outOfService: 2 });
		expect(overbooked.error?.message).toBe('Out of Service: expected at most the Quantity (1), got 2');
		const fractional = await run({ resource: 'calendarResource', operation: 'create', resourceType: 'rooms', name: 'Room', description: 'x', capacity: '={{ 2.5 }}' });
		expect(fractional.error?.message).toMatch(/^Capacity: expected a whole number/);
		const noDescription = await run({ resource: 'calendarResource', operation: 'create', resourceType: 'rooms', name: 'Room', description: '={{ "" }}' });
		expect(noDescription.error?.message).toMatch(/^Description: expected a value/);
		expect([...overbooked.requests, ...fractional.requests, ...noDescription.requests]).toHaveLength(0);
		const foreign = await run({ resource: 'calendarResource', operation: 'create', resourceType: 'rooms', name: 'Room', description: 'x', calendarIds: [sandbox().demo.calendarIds[2]] });
		expect(foreign.error?.message).toMatch(/403|access to this location|not found/);
	});

	opTest('get-calendar-resource', 'returns the room with its calendars', async () => {
		const [room] = resources('rooms');
		const result = await run({ resource: 'calendarResource', operation: 'get', resourceType: 'rooms', resourceId: room.id });
		expectRequest(only(result, 'get-calendar-resource'), { method: 'GET', path: `/calendars/resources/rooms/${room.id}`, version: CALENDARS_VERSION });
		expect(result.out).toEqual([expect.objectContaining({ id: room.id, name: 'Meeting Room A', capacity: 8, calendarIds: room.calendarIds })]);
	});

	opTest('update-calendar-resource', 'changes the capacity and takes the room out of use', async () => {
		const [room] = resources('rooms');
		const result = await run({ resource: 'calendarResource', operation: 'update', resourceType: 'rooms', resourceId: room.id, updateFields: { capacity: 12, isActive: false } });
		expectRequest(only(result, 'update-calendar-resource'), {
			method: 'PUT',
			path: `/calendars/resources/rooms/${room.id}`,
			version: CALENDARS_VERSION,
			body: { capacity: 12, isActive: false },
		});
		expect(result.out[0]).toMatchObject({ id: room.id, name: 'Meeting Room A', capacity: 12, isActive: false });
		expect(resources('rooms')[0]).toMatchObject({ capacity: 12, isActive: false });
	});

	opTest('delete-calendar-resource', 'deletes the equipment', async () => {
		const [projector] = resources('equipments');
		const result = await run({ resource: 'calendarResource', operation: 'delete', resourceType: 'equipments', resourceId: projector.id });
		expectRequest(only(result, 'delete-calendar-resource'), { method: 'DELETE', path: `/calendars/resources/equipments/${projector.id}`, version: CALENDARS_VERSION });
		expect(result.out).toEqual([{ id: projector.id, resourceType: 'equipments', success: true }]);
		expect(resources('equipments')).toEqual([]);
	});
});
