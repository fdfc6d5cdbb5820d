import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarLocator } from '../../descriptions/calendarFields';
import { readCalendarId } from '../../helpers/calendars';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a calendar',
	description: 'Get a calendar with its settings, team and open hours',
	unwrap: 'calendar',
	endpoint: {
		method: 'GET',
		path: '/calendars/{calendarId}',
		operationId: 'get-calendar',
		api: 'calendars',
		scopes: ['calendars.readonly'],
	},
};

export const properties: INodeProperties[] = [calendarLocator()];

export const example: OperationExample = (d) => ({ calendarId: byId(d.calendarIds[0]) });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const calendarId = readCalendarId(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { calendarId }, itemIndex });
}
