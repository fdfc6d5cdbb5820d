import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarLocator, notificationIdProperty } from '../../descriptions/calendarFields';
import { readCalendarId } from '../../helpers/calendars';
import { requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a calendar notification',
	description: 'Get one notification of a calendar',
	endpoint: {
		method: 'GET',
		path: '/calendars/{calendarId}/notifications/{notificationId}',
		operationId: 'find-event-notification',
		api: 'calendars',
		scopes: ['calendars/events.readonly'],
	},
};

export const properties: INodeProperties[] = [calendarLocator(), notificationIdProperty];

export const example: OperationExample = (d) => ({ calendarId: byId(d.calendarIds[1]), notificationId: d.notificationId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const calendarId = readCalendarId(this, itemIndex);
	const notificationId = requireParameter(this, itemIndex, 'notificationId', 'Notification ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { calendarId, notificationId }, itemIndex });
}
