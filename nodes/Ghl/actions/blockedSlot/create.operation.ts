import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { calendarLocator } from '../../descriptions/calendarFields';
import { userProperty } from '../../descriptions/common';
import { readCalendarId, readSlotTimes } from '../../helpers/calendars';
import { checkId, checkText } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a blocked slot',
	description: 'Block a time on a calendar (or for one of its users) so nobody can book it',
	endpoint: {
		method: 'POST',
		path: '/calendars/events/block-slots',
		operationId: 'create-block-slot',
		api: 'calendars',
		scopes: ['calendars/events.write'],
	},
};

export const properties: INodeProperties[] = [
	calendarLocator(),
	{ displayName: 'Start Time', name: 'startTime', type: 'dateTime', required: true, default: '', description: 'A time without an offset is read in the workflow’s time zone' },
	{ displayName: 'End Time', name: 'endTime', type: 'dateTime', required: true, default: '' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ ...userProperty('Assigned User Name or ID', 'assignedUserId'), description: 'Block only this team member’s time. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'e.g. Team offsite' },
		],
	},
];

export const example: OperationExample = (d) => ({ calendarId: byId(d.calendarIds[1]), startTime: '2032-01-05T12:00:00Z', endTime: '2032-01-05T13:00:00Z' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const calendarId = readCalendarId(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const times = readSlotTimes(this, itemIndex, {
		startTime: this.getNodeParameter('startTime', itemIndex, '') as string,
		endTime: this.getNodeParameter('endTime', itemIndex, '') as string,
	});
	const body: IDataObject = { calendarId, locationId: await getLocationId(this), ...times };
	if (fields.title) body.title = checkText(this, itemIndex, 'Title', fields.title);
	if (fields.assignedUserId) body.assignedUserId = checkId(this, itemIndex, 'Assigned User', fields.assignedUserId);
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
