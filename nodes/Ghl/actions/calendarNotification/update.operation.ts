import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarLocator, notificationFieldOptions, notificationIdProperty } from '../../descriptions/calendarFields';
import { buildNotificationBody, readCalendarId } from '../../helpers/calendars';
import { requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a calendar notification',
	description: 'Change what a calendar notification says, to whom, when, or turn it off',
	endpoint: {
		method: 'PUT',
		path: '/calendars/{calendarId}/notifications/{notificationId}',
		operationId: 'update-event-notification',
		api: 'calendars',
		scopes: ['calendars/events.write'],
	},
};

export const properties: INodeProperties[] = [
	calendarLocator(),
	notificationIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: notificationFieldOptions('update'),
	},
];

export const example: OperationExample = (d) => ({ calendarId: byId(d.calendarIds[1]), notificationId: d.notificationId, updateFields: { isActive: false } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const calendarId = readCalendarId(this, itemIndex);
	const notificationId = requireParameter(this, itemIndex, 'notificationId', 'Notification ID');
	const body = buildNotificationBody(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(body).length) throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { calendarId, notificationId }, body, itemIndex });
	return { notificationId, ...response };
}
