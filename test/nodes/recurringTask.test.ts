/**
 * Workflow tests of recurring tasks: create with a schedule, read, update (a schedule is sent
 * whole), delete. Each asserts what GHL received and what the node answered.
 */
import type { IDataObject } from 'n8n-workflow';
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, seed, api } = nodeTests();

/** The demo location's recurring tasks as the sandbox holds them (one is seeded). */
function recurringTasks(): Array<IDataObject & { id: string }> {
	const all = (sandbox().snapshot() as { records: Record<string, Array<IDataObject & { id: string }>> }).records;
	return all[`/locations/${sandbox().demo.locationId}/recurring-tasks`] ?? [];
}

describe('Recurring Task', () => {
	opTest('create-recurring-task', 'creates a weekly task for contacts and an assignee; a start without offset is read in the workflow time zone', async () => {
		const { locationId, userIds } = sandbox().demo;
		const [first, second] = seed().contacts;
		const result = await run(
			{
				resource: 'recurringTask',
				operation: 'create',
				title: ' Weekly check-in ',
				intervalType: 'weekly',
				interval: 2,
				startDate: '2026-12-07T09:00:00',
				dueAfterSeconds: 3600,
				additionalFields: {
					description: 'Ask how it is going',
					contactIds: `${first.id}, ${second.id}`,
					owners: [userIds[1]],
					dayOfWeek: 'MO',
					count: 6,
				},
			},
			{ settings: { timezone: 'Europe/Berlin' } },
		);
		expect(result.error).toBeUndefined();
		expectRequest(only(result, 'create-recurring-task'), {
			method: 'POST',
			path: `/locations/${locationId}/recurring-tasks`,
			body: {
				title: 'Weekly check-in',
				description: 'Ask how it is going',
				contactIds: [first.id, second.id],
				owners: [userIds[1]],
				rruleOptions: { intervalType: 'weekly', interval: 2, startDate: '2026-12-07T09:00:00+01:00', dueAfterSeconds: 3600, dayOfWeek: 'MO', count: 6 },
			},
		});
		expect(result.out[0]).toMatchObject({
			title: 'Weekly check-in',
			locationId,
			contactId: first.id,
			assignedTo: userIds[1],
			deleted: false,
			rruleOptions: { intervalType: 'weekly', interval: 2, dueAfterSeconds: 3600 },
		});
		const stored = await api('GET', `/locations/${locationId}/recurring-tasks/${result.out[0].id}`);
		expect(stored.recurringTask).toMatchObject({ id: result.out[0].id, title: 'Weekly check-in' });
	});

	test('a schedule without its start, or with a start that is no date, is refused before any request, naming the field', async () => {
		const base = { resource: 'recurringTask', operation: 'create', title: 'x', intervalType: 'daily', interval: 1, dueAfterSeconds: 60 };
		const empty = await run({ ...base, startDate: '={{ "" }}' });
		expect(empty.requests).toHaveLength(0);
		expect(empty.error?.message).toMatch(/^Start Date: needed/);
		const notADate = await run({ ...base, startDate: 'next monday' });
		expect(notADate.requests).toHaveLength(0);
		expect(notADate.error?.message).toMatch(/^Start Date: expected an ISO 8601 date/);
	});

	opTest('get-recurring-task-by-id', 'gets a recurring task with its schedule; Simplify off gives GHL’s whole answer', async () => {
		const [weekly] = recurringTasks();
		const result = await run({ resource: 'recurringTask', operation: 'get', recurringTaskId: weekly.id });
		expectRequest(only(result, 'get-recurring-task-by-id'), { method: 'GET', path: `/locations/${sandbox().demo.locationId}/recurring-tasks/${weekly.id}` });
		expect(result.out[0]).toMatchObject({ id: weekly.id, title: 'Weekly pipeline review', rruleOptions: { intervalType: 'weekly', dayOfWeek: 'MO' } });
		const raw = await run({ resource: 'recurringTask', operation: 'get', recurringTaskId: weekly.id, simplify: false });
		expect(Object.keys(raw.out[0])).toEqual(['recurringTask']);
	});

	opTest('update-recurring-task', 'renames it; a new schedule is sent whole, an incomplete one is refused naming what is missing', async () => {
		const [weekly] = recurringTasks();
		const renamed = await run({ resource: 'recurringTask', operation: 'update', recurringTaskId: weekly.id, updateFields: { title: 'Fortnightly review' } });
		expectRequest(only(renamed, 'update-recurring-task'), {
			method: 'PUT',
			path: `/locations/${sandbox().demo.locationId}/recurring-tasks/${weekly.id}`,
			body: { title: 'Fortnightly review' },
		});
		expect(renamed.out[0]).toMatchObject({ id: weekly.id, title: 'Fortnightly review', rruleOptions: { intervalType: 'weekly' } });

		const partial = await run({ resource: 'recurringTask', operation: 'update', recurringTaskId: weekly.id, updateFields: { interval: 2 } });
		expect(partial.requests).toHaveLength(0);
		expect(partial.error?.message).toBe('Repeat, Start Date, Due After (Seconds): needed with the other schedule fields (GHL takes the schedule whole)');

		const rescheduled = await run({
			resource: 'recurringTask',
			operation: 'update',
			recurringTaskId: weekly.id,
			updateFields: { intervalType: 'monthly', interval: 1, startDate: '2027-01-04T08:00:00Z', dueAfterSeconds: 7200, dayOfMonth: 4 },
		});
		expect(rescheduled.requests[0].body).toEqual({
			rruleOptions: { intervalType: 'monthly', interval: 1, startDate: '2027-01-04T08:00:00Z', dueAfterSeconds: 7200, dayOfMonth: 4 },
		});
		expect(recurringTasks()[0].rruleOptions).toEqual({ intervalType: 'monthly', interval: 1, startDate: '2027-01-04T08:00:00Z', dueAfterSeconds: 7200, dayOfMonth: 4 });
	});

	opTest('delete-recurring-task', 'deletes a recurring task', async () => {
		const [weekly] = recurringTasks();
		const result = await run({ resource: 'recurringTask', operation: 'delete', recurringTaskId: weekly.id });
		expectRequest(only(result, 'delete-recurring-task'), { method: 'DELETE', path: `/locations/${sandbox().demo.locationId}/recurring-tasks/${weekly.id}` });
		expect(result.out).toEqual([{ id: weekly.id, success: true }]);
		expect(recurringTasks()).toEqual([]);
	});
});
