import { CALENDARS_VERSION, expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, api, searchList } = nodeTests();

interface Schedule {
	id: string;
	name: string;
	userId: string;
	locationId: string;
	timezone: string;
	calendarIds: string[];
	rules: unknown[];
}

/** The seeded schedules (the seller's, the support user's, the other location's), as the sandbox holds them. */
function schedules(): Schedule[] {
	return (sandbox().snapshot() as { records: Record<string, Schedule[]> }).records['/calendars/schedules'] ?? [];
}

const byId = (value: string) => ({ mode: 'id', value });
const weekday = (day: string, from: string, to: string) => ({ type: 'wday', day, from, to });

describe('Calendar Schedule', () => {
	opTest('getAllSchedules', 'lists a user’s schedules (GHL needs the user), filtered by calendar; the Limit cuts the page', async () => {
		const { locationId, userIds, calendarIds } = sandbox().demo;
		const sellers = await run({ resource: 'calendarSchedule', operation: 'getAll', userId: userIds[1], returnAll: true });
		expectRequest(only(sellers, 'getAllSchedules'), {
			method: 'GET',
			path: '/calendars/schedules/search',
			version: CALENDARS_VERSION,
			query: { locationId, userId: userIds[1], skip: '0', limit: '500' },
		});
		expect(sellers.out).toEqual([expect.objectContaining({ name: 'Working hours', userId: userIds[1], calendarIds: [calendarIds[0]], timezone: 'America/New_York' })]);
		const onOnboarding = await run({ resource: 'calendarSchedule', operation: 'getAll', userId: userIds[1], returnAll: true, filters: { calendarId: calendarIds[1] } });
		expect(only(onOnboarding, 'getAllSchedules').query).toMatchObject({ calendarId: calendarIds[1] });
		expect(onOnboarding.out).toEqual([]);
		for (const name of ['Evenings', 'Weekends']) {
			await api('POST', '/calendars/schedules', { locationId, userId: userIds[2], name, timezone: 'America/Chicago' }, CALENDARS_VERSION);
		}
		const two = await run({ resource: 'calendarSchedule', operation: 'getAll', userId: userIds[2], returnAll: false, limit: 2 });
		expect(only(two, 'getAllSchedules').query).toMatchObject({ skip: '0', limit: '2' });
		expect(two.out.map((schedule) => schedule.name)).toEqual(['Support hours', 'Evenings']);
	});

	opTest('createSchedule', 'sets a user’s hours: ranges of one day become one rule, a date its own; Simplify returns the schedule', async () => {
		const { locationId, userIds, calendarIds } = sandbox().demo;
		const result = await run({
			resource: 'calendarSchedule',
			operation: 'create',
			name: 'Split shift',
			userId: userIds[2],
			timezone: 'Europe/London',
			rules: { range: [weekday('monday', '08:00', '12:00'), weekday('monday', '13:00', '17:30'), { type: 'date', date: '2030-12-24T00:00:00', from: '9:00', to: '11:00' }] },
			additionalFields: { calendarIds: [calendarIds[0]] },
		});
		const rules = [
			{ type: 'wday', day: 'monday', intervals: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '17:30' }] },
			{ type: 'date', date: '2030-12-24', intervals: [{ from: '9:00', to: '11:00' }] },
		];
		expectRequest(only(result, 'createSchedule'), {
			method: 'POST',
			path: '/calendars/schedules',
			version: CALENDARS_VERSION,
			body: { name: 'Split shift', timezone: 'Europe/London', rules, userId: userIds[2], calendarIds: [calendarIds[0]], locationId },
		});
		expect(result.out).toEqual([expect.objectContaining({ name: 'Split shift', userId: userIds[2], locationId, rules, calendarIds: [calendarIds[0]], deleted: false })]);
		expect(schedules().find((schedule) => schedule.id === result.out[0].id)).toMatchObject({ name: 'Split shift', rules });
	});

	test('bad hours, time zone or IDs are refused naming the field, before any request; a user of another location by GHL', async () => {
		const { userIds } = sandbox().demo;
		const create = (changes: Record<string, unknown>) =>
			run({ resource: 'calendarSchedule', operation: 'create', name: 'Hours', userId: userIds[2], timezone: 'America/New_York', ...changes });
		const backwards = await create({ rules: { range: [weekday('tuesday', '17:00', '09:00')] } });
		expect(backwards.error?.message).toBe('Available Hours 1: To: expected a time after 17:00, got "09:00"');
		const notATime = await create({ rules: { range: [weekday('monday', '09:00', '17:00'), weekday('tuesday', '9am', '17:00')] } });
		expect(notATime.error?.message).toBe('Available Hours 2: From: expected a 24-hour time such as 09:00, got "9am"');
		const notADay = await create({ rules: { range: [weekday('={{ "someday" }}', '09:00', '17:00')] } });
		expect(notADay.error?.message).toBe('Available Hours 1: Day: expected a weekday such as monday, got "someday"');
		const notADate = await create({ rules: { range: [{ type: 'date', date: '24/12/2030', from: '09:00', to: '10:00' }] } });
		expect(notADate.error?.message).toBe('Available Hours 1: Date: expected a date such as 2030-12-24, got "24/12/2030"');
		const utc = await create({ timezone: 'UTC' });
		expect(utc.error?.message).toBe('Time Zone: GHL takes a zone of the form Area/City such as America/New_York, got "UTC"');
		const noUser = await create({ userId: '={{ "" }}' });
		expect(noUser.error?.message).toMatch(/^User: expected a value/);
		const noChange = await run({ resource: 'calendarSchedule', operation: 'update', scheduleId: byId(schedules()[0].id), updateFields: {} });
		expect(noChange.error?.message).toBe('Update Fields: add at least one field to change');
		const badId = await run({ resource: 'calendarSchedule', operation: 'get', scheduleId: byId('={{ "../calendars" }}') });
		expect(badId.error?.message).toMatch(/^Schedule: expected/);
		const refused = [backwards, notATime, notADay, notADate, utc, noUser, noChange, badId];
		expect(refused.flatMap((result) => result.requests)).toHaveLength(0);
		const foreignUser = await create({ userId: userIds[3] });
		expect(foreignUser.error?.message).toMatch(/not found in this location/);
	});

	opTest('getScheduleById', 'returns the schedule (Simplify off: GHL’s whole answer); the picker lists every user’s schedules', async () => {
		const [working] = schedules();
		const result = await run({ resource: 'calendarSchedule', operation: 'get', scheduleId: byId(working.id) });
		expectRequest(only(result, 'getScheduleById'), { method: 'GET', path: `/calendars/schedules/${working.id}`, version: CALENDARS_VERSION });
		expect(result.out).toEqual([expect.objectContaining({ id: working.id, name: 'Working hours', rules: working.rules, calendarIds: working.calendarIds })]);
		const raw = await run({ resource: 'calendarSchedule', operation: 'get', scheduleId: byId(working.id), simplify: false });
		expect(raw.out).toEqual([{ schedule: result.out[0] }]);
		const listed = await searchList('searchSchedules', { resource: 'calendarSchedule', operation: 'get' }, 'scheduleId');
		expect(listed.results).toEqual([
			{ name: 'Support hours (Sue Support)', value: schedules()[1].id },
			{ name: 'Working hours (Sam Seller)', value: working.id },
		]);
		expect((await searchList('searchSchedules', { resource: 'calendarSchedule', operation: 'get' }, 'scheduleId', 'sam')).results.map((item) => item.value)).toEqual([working.id]);
	});

	opTest('updateSchedule', 'renames the schedule and replaces its hours; the rest stays', async () => {
		const [working] = schedules();
		const result = await run({
			resource: 'calendarSchedule',
			operation: 'update',
			scheduleId: byId(working.id),
			updateFields: { name: 'Short week', rules: { range: [weekday('tuesday', '10:00', '16:00'), weekday('thursday', '10:00', '16:00')] } },
		});
		const rules = [
			{ type: 'wday', day: 'tuesday', intervals: [{ from: '10:00', to: '16:00' }] },
			{ type: 'wday', day: 'thursday', intervals: [{ from: '10:00', to: '16:00' }] },
		];
		expectRequest(only(result, 'updateSchedule'), { method: 'PUT', path: `/calendars/schedules/${working.id}`, version: CALENDARS_VERSION, body: { name: 'Short week', rules } });
		expect(result.out[0]).toMatchObject({ id: working.id, name: 'Short week', rules, timezone: 'America/New_York', calendarIds: working.calendarIds });
		expect(schedules()[0]).toMatchObject({ name: 'Short week', rules });
	});

	opTest('deleteSchedule', 'deletes the schedule: reads answer 404 and the search no longer lists it', async () => {
		const { userIds } = sandbox().demo;
		const [working] = schedules();
		const result = await run({ resource: 'calendarSchedule', operation: 'delete', scheduleId: byId(working.id) });
		expectRequest(only(result, 'deleteSchedule'), { method: 'DELETE', path: `/calendars/schedules/${working.id}`, version: CALENDARS_VERSION });
		expect(result.out).toEqual([{ id: working.id, success: true }]);
		const gone = await run({ resource: 'calendarSchedule', operation: 'get', scheduleId: byId(working.id) });
		expect(gone.requests.map((request) => request.status)).toEqual([404]);
		expect(gone.error?.message).toMatch(/404|not found/i);
		expect((await run({ resource: 'calendarSchedule', operation: 'getAll', userId: userIds[1], returnAll: true })).out).toEqual([]);
	});

	opTest('add-calendar-to-schedule', 'applies the schedule to a second calendar: the schedule’s read lists both', async () => {
		const { calendarIds } = sandbox().demo;
		const [working] = schedules();
		const result = await run({ resource: 'calendarSchedule', operation: 'addCalendar', scheduleId: byId(working.id), calendarId: byId(calendarIds[1]) });
		expectRequest(only(result, 'add-calendar-to-schedule'), {
			method: 'PUT',
			path: `/calendars/schedules/${working.id}/associations/${calendarIds[1]}`,
			version: CALENDARS_VERSION,
		});
		expect(result.out).toEqual([{ id: working.id, calendarId: calendarIds[1], success: true }]);
		const read = await api('GET', `/calendars/schedules/${working.id}`, undefined, CALENDARS_VERSION);
		expect((read.schedule as Schedule).calendarIds).toEqual([calendarIds[0], calendarIds[1]]);
		const foreign = await run({ resource: 'calendarSchedule', operation: 'addCalendar', scheduleId: byId(working.id), calendarId: byId(calendarIds[2]) });
		expect(foreign.requests.map((request) => request.status)).toEqual([404]);
	});

	opTest('remove-calendar-from-schedule', 'takes the calendar off the schedule: its read no longer lists it; a calendar it lacks is GHL’s 404', async () => {
		const { calendarIds } = sandbox().demo;
		const [working] = schedules();
		const result = await run({ resource: 'calendarSchedule', operation: 'removeCalendar', scheduleId: byId(working.id), calendarId: byId(calendarIds[0]) });
		expectRequest(only(result, 'remove-calendar-from-schedule'), {
			method: 'DELETE',
			path: `/calendars/schedules/${working.id}/associations/${calendarIds[0]}`,
			version: CALENDARS_VERSION,
		});
		expect(result.out).toEqual([{ id: working.id, calendarId: calendarIds[0], success: true }]);
		const read = await api('GET', `/calendars/schedules/${working.id}`, undefined, CALENDARS_VERSION);
		expect((read.schedule as Schedule).calendarIds).toEqual([]);
		const again = await run({ resource: 'calendarSchedule', operation: 'removeCalendar', scheduleId: byId(working.id), calendarId: byId(calendarIds[0]) });
		expect(again.requests.map((request) => request.status)).toEqual([404]);
	});
});
