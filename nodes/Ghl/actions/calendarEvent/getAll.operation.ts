import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { eventWindowProperties } from '../../descriptions/calendarFields';
import { pagingProperties } from '../../descriptions/paging';
import { eventWindowExample, eventWindowQuery } from '../../helpers/calendars';
import { listFromResponse } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many calendar events',
	description: 'List the appointments of a calendar, user or calendar group between two times',
	endpoint: {
		method: 'GET',
		path: '/calendars/events',
		operationId: 'get-calendar-events',
		api: 'calendars',
		scopes: ['calendars/events.readonly'],
	},
};

export const properties: INodeProperties[] = [...eventWindowProperties, ...pagingProperties];

export const example: OperationExample = (d) => eventWindowExample(d.calendarIds[0]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, meta.endpoint, { qs: await eventWindowQuery(this, itemIndex), itemIndex });
	// GHL answers every event of the window at once; the Limit cuts the list.
	return listFromResponse(this, itemIndex, response, 'events');
}
