import { CALENDARS_VERSION, expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest } = nodeTests();

const byId = (value: string) => ({ mode: 'id', value });

interface Notification {
	id: string;
	channel: string;
	notificationType: string;
	isActive: boolean;
	deleted: boolean;
	subject?: string;
}

function notificationsOf(calendarId: string): Notification[] {
	return (sandbox().snapshot() as { records: Record<string, Notification[]> }).records[`/calendars/${calendarId}/notifications`] ?? [];
}

describe('Calendar Notification', () => {
	opTest('get-event-notification', 'lists the calendar’s notifications; deleted ones only when asked for', async () => {
		const onboarding = sandbox().demo.calendarIds[1];
		const result = await run({ resource: 'calendarNotification', operation: 'getAll', calendarId: byId(onboarding), returnAll: true });
		expectRequest(only(result, 'get-event-notification'), {
			method: 'GET',
			path: `/calendars/${onboarding}/notifications`,
			version: CALENDARS_VERSION,
			query: { skip: '0', limit: '100' },
		});
		const [seeded] = notificationsOf(onboarding);
		expect(result.out).toEqual([
			expect.objectContaining({ _id: seeded.id, channel: 'email', notificationType: 'reminder', beforeTime: [{ timeOffset: 24, unit: 'hours' }] }),
		]);
		const deleted = await run({ resource: 'calendarNotification', operation: 'getAll', calendarId: byId(onboarding), returnAll: true, filters: { deleted: true } });
		expect(only(deleted, 'get-event-notification').query).toMatchObject({ deleted: 'true' });
		expect(deleted.out).toEqual([]);
	});

	opTest('create-event-notification', 'adds an SMS reminder 2 hours before, sent as GHL’s one-item list', async () => {
		const discovery = sandbox().demo.calendarIds[0];
		const result = await run({
			resource: 'calendarNotification',
			operation: 'create',
			calendarId: byId(discovery),
			receiverType: 'contact',
			channel: 'sms',
			notificationType: 'reminder',
			additionalFields: { body: 'See you soon', beforeTime: { offset: [{ timeOffset: 2, unit: 'hours' }] }, additionalPhoneNumbers: '+1 (415) 555-0100' },
		});
		expectRequest(only(result, 'create-event-notification'), {
			method: 'POST',
			path: `/calendars/${discovery}/notifications`,
			version: CALENDARS_VERSION,
			status: 200,
			body: [
				{ receiverType: 'contact', channel: 'sms', notificationType: 'reminder', body: 'See you soon', beforeTime: [{ timeOffset: 2, unit: 'hours' }], additionalPhoneNumbers: ['+14155550100'] },
			],
		});
		expect(result.out).toEqual([expect.objectContaining({ _id: expect.any(String), channel: 'sms', notificationType: 'reminder', isActive: true })]);
		expect(notificationsOf(discovery)).toHaveLength(1);
	});

	test('bad addresses are refused before any request, naming the field', async () => {
		const base = { resource: 'calendarNotification', operation: 'create', calendarId: byId(sandbox().demo.calendarIds[0]), receiverType: 'emails', channel: 'email', notificationType: 'booked' };
		const badEmail = await run({ ...base, additionalFields: { additionalEmailIds: 'frontdesk@example.com, not-an-email' } });
		expect(badEmail.error?.message).toMatch(/^Additional Emails: expected an email address/);
		const badFrom = await run({ ...base, additionalFields: { fromNumber: '555' } });
		expect(badFrom.error?.message).toMatch(/^From Number: expected a phone number in E\.164 form/);
		expect([...badEmail.requests, ...badFrom.requests]).toHaveLength(0);
	});

	opTest('find-event-notification', 'returns one notification by its _id', async () => {
		const onboarding = sandbox().demo.calendarIds[1];
		const [seeded] = notificationsOf(onboarding);
		const result = await run({ resource: 'calendarNotification', operation: 'get', calendarId: byId(onboarding), notificationId: seeded.id });
		expectRequest(only(result, 'find-event-notification'), { method: 'GET', path: `/calendars/${onboarding}/notifications/${seeded.id}`, version: CALENDARS_VERSION });
		expect(result.out).toEqual([expect.objectContaining({ _id: seeded.id, subject: 'Your onboarding session is tomorrow' })]);
	});

	opTest('update-event-notification', 'turns the reminder off and changes its subject; GHL answers a message', async () => {
		const onboarding = sandbox().demo.calendarIds[1];
		const [seeded] = notificationsOf(onboarding);
		const result = await run({
			resource: 'calendarNotification',
			operation: 'update',
			calendarId: byId(onboarding),
			notificationId: seeded.id,
			updateFields: { isActive: false, subject: 'Tomorrow: onboarding' },
		});
		expectRequest(only(result, 'update-event-notification'), {
			method: 'PUT',
			path: `/calendars/${onboarding}/notifications/${seeded.id}`,
			version: CALENDARS_VERSION,
			body: { isActive: false, subject: 'Tomorrow: onboarding' },
		});
		expect(result.out).toEqual([{ notificationId: seeded.id, message: expect.any(String) }]);
		expect(notificationsOf(onboarding)[0]).toMatchObject({ isActive: false, subject: 'Tomorrow: onboarding' });
	});

	opTest('delete-event-notification', 'deletes the notification: GHL lists it as deleted from then on', async () => {
		const onboarding = sandbox().demo.calendarIds[1];
		const [seeded] = notificationsOf(onboarding);
		const result = await run({ resource: 'calendarNotification', operation: 'delete', calendarId: byId(onboarding), notificationId: seeded.id });
		expectRequest(only(result, 'delete-event-notification'), { method: 'DELETE', path: `/calendars/${onboarding}/notifications/${seeded.id}`, version: CALENDARS_VERSION });
		expect(result.out).toEqual([{ notificationId: seeded.id, message: expect.any(String) }]);
		const active = await run({ resource: 'calendarNotification', operation: 'getAll', calendarId: byId(onboarding), returnAll: true });
		expect(active.out).toEqual([]);
		const deleted = await run({ resource: 'calendarNotification', operation: 'getAll', calendarId: byId(onboarding), returnAll: true, filters: { deleted: true } });
		expect(deleted.out.map((notification) => notification._id)).toEqual([seeded.id]);
	});
});
