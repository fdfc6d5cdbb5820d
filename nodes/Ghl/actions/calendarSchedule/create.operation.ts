import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { calendarsProperty, scheduleHoursProperty, timeZoneProperty } from '../../descriptions/calendarFields';
import { userProperty } from '../../descriptions/common';
import { buildScheduleBody } from '../../helpers/calendars';
import { checkId, toList } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a calendar schedule',
	description: 'Set a user’s available hours (weekly and on given dates), optionally for some calendars',
	unwrap: 'schedule',
	endpoint: {
		method: 'POST',
		path: '/calendars/schedules',
		operationId: 'createSchedule',
		api: 'calendars',
		scopes: ['calendars.write'],
	},
};

export const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Business Hours' },
	{ ...userProperty('User Name or ID', 'userId'), required: true, description: 'Whose availability it is. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
	{ ...timeZoneProperty('The zone its hours are in (Area/City)'), required: true },
	scheduleHoursProperty('When the user can be booked'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [calendarsProperty('Calendars that use this schedule for the user')],
	},
];

export const example: OperationExample = (d) => ({
	name: 'Example hours',
	userId: d.userIds[2],
	timezone: 'America/New_York',
	rules: { range: [{ type: 'wday', day: 'monday', from: '09:00', to: '12:00' }] },
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = buildScheduleBody(this, itemIndex, {
		name: this.getNodeParameter('name', itemIndex, ''),
		timezone: this.getNodeParameter('timezone', itemIndex, ''),
		rules: this.getNodeParameter('rules', itemIndex, {}),
	});
	body.userId = checkId(this, itemIndex, 'User', this.getNodeParameter('userId', itemIndex, ''));
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (fields.calendarIds !== undefined) body.calendarIds = toList(fields.calendarIds).map((id) => checkId(this, itemIndex, 'Calendars', id));
	return await callEndpoint.call(this, meta.endpoint, { body: { ...body, locationId: await getLocationId(this) }, itemIndex });
}
