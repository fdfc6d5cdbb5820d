import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarLocator, notificationIdProperty } from '../../descriptions/calendarFields';
import { readCalendarId } from '../../helpers/calendars';
import { requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a calendar notification',
	description: 'Delete a notification of a calendar (GHL keeps it, listed as deleted)',
	endpoint: {
		method: 'DELETE',
		path: '/calendars/{calendarId}/notifications/{notificationId}',
		operationId: 'delete-event-notification',
		api: 'calendars',
		scopes: ['calendars/events.write'],
	},
};

export const properties: INodeProperties[] = [calendarLocator(), notificationIdProperty];

export const example: OperationExample = (d) => ({ calendarId: byId(d.calendarIds[1]), notificationId: d.notificationId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const calendarId = readCalendarId(this, itemIndex);
	const notificationId = requireParameter(this, itemIndex, 'notificationId', 'Notification ID');
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { calendarId, notificationId }, itemIndex });
	return { notificationId, ...response };
}
