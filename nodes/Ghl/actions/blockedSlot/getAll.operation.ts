import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { eventWindowProperties } from '../../descriptions/calendarFields';
import { pagingProperties } from '../../descriptions/paging';
import { eventWindowExample, listEventWindow } from '../../helpers/calendars';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many blocked slots',
	description: 'List the blocked times of a calendar, user or calendar group between two times',
	endpoint: {
		method: 'GET',
		path: '/calendars/blocked-slots',
		operationId: 'get-blocked-slots',
		api: 'calendars',
		scopes: ['calendars/events.readonly'],
	},
};

export const properties: INodeProperties[] = [...eventWindowProperties, ...pagingProperties];

export const example: OperationExample = (d) => eventWindowExample(d.calendarIds[1]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listEventWindow(this, itemIndex, meta.endpoint);
}
