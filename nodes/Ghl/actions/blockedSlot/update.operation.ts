import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { calendarLocator } from '../../descriptions/calendarFields';
import { userProperty } from '../../descriptions/common';
import { readCalendarId, readSlotTimes } from '../../helpers/calendars';
import { checkId, checkText, requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a blocked slot',
	description: 'Move a blocked slot, retitle it or change whose time it blocks',
	endpoint: {
		method: 'PUT',
		path: '/calendars/events/block-slots/{eventId}',
		operationId: 'edit-block-slot',
		api: 'calendars',
		scopes: ['calendars/events.write'],
	},
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Blocked Slot ID',
		name: 'eventId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0TkCdp9PfvLeWKYRRvIz',
		description: 'ID of the blocked slot (its event ID)',
	},
	{ ...calendarLocator(), description: 'The calendar the slot is on (GHL needs it on every update)' },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			userProperty('Assigned User Name or ID', 'assignedUserId'),
			{ displayName: 'End Time', name: 'endTime', type: 'dateTime', default: '' },
			{ displayName: 'Start Time', name: 'startTime', type: 'dateTime', default: '', description: 'A time without an offset is read in the workflow’s time zone' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	},
];

export const example: OperationExample = (d) => ({ eventId: d.blockedSlotId, calendarId: byId(d.calendarIds[1]), updateFields: { title: 'Example' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const eventId = requireParameter(this, itemIndex, 'eventId', 'Blocked Slot ID');
	const calendarId = readCalendarId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = readSlotTimes(this, itemIndex, fields);
	if (fields.title) body.title = checkText(this, itemIndex, 'Title', fields.title);
	if (fields.assignedUserId) body.assignedUserId = checkId(this, itemIndex, 'Assigned User', fields.assignedUserId);
	if (!Object.keys(body).length) throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { eventId }, body: { ...body, calendarId, locationId: await getLocationId(this) }, itemIndex });
}
