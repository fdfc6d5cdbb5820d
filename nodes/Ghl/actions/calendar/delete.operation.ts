import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarLocator } from '../../descriptions/calendarFields';
import { readCalendarId } from '../../helpers/calendars';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a calendar',
	description: 'Delete a calendar of the location',
	endpoint: {
		method: 'DELETE',
		path: '/calendars/{calendarId}',
		operationId: 'delete-calendar',
		api: 'calendars',
		scopes: ['calendars.write'],
	},
};

export const properties: INodeProperties[] = [calendarLocator()];

export const example: OperationExample = (d) => ({ calendarId: byId(d.calendarIds[0]) });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const calendarId = readCalendarId(this, itemIndex);
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { calendarId }, itemIndex });
	return { calendarId, ...response };
}
