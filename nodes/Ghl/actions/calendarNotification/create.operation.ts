import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarLocator, notificationFieldOptions, notificationKindProperties } from '../../descriptions/calendarFields';
import { buildNotificationBody, readCalendarId } from '../../helpers/calendars';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a calendar notification',
	description: 'Add an email, text or in-app message a calendar sends when an appointment is booked, changed or near',
	endpoint: {
		method: 'POST',
		path: '/calendars/{calendarId}/notifications',
		operationId: 'create-event-notification',
		api: 'calendars',
		scopes: ['calendars/events.write'],
	},
};

export const properties: INodeProperties[] = [
	calendarLocator(),
	...notificationKindProperties(true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: notificationFieldOptions('create'),
	},
];

export const example: OperationExample = (d) => ({ calendarId: byId(d.calendarIds[0]), receiverType: 'contact', channel: 'sms', notificationType: 'confirmation' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const calendarId = readCalendarId(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const kind: IDataObject = {};
	for (const name of ['receiverType', 'channel', 'notificationType']) kind[name] = this.getNodeParameter(name, itemIndex, '');
	const notification = buildNotificationBody(this, itemIndex, { ...fields, ...kind });
	// GHL takes a list of notifications and answers the list it created; each item sends one.
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { calendarId }, body: [notification] as unknown as IDataObject, itemIndex });
	return (Array.isArray(response) ? response : [response]) as IDataObject[];
}
