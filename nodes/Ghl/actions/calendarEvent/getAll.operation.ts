import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { eventWindowProperties } from '../../descriptions/calendarFields';
import { pagingProperties } from '../../descriptions/paging';
import { eventWindowExample, listEventWindow } from '../../helpers/calendars';
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
	return await listEventWindow(this, itemIndex, meta.endpoint);
}
