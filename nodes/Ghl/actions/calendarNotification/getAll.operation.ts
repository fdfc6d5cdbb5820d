import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getSkipPaged } from '../../../shared/transport';
import { calendarLocator } from '../../descriptions/calendarFields';
import { pagingProperties } from '../../descriptions/paging';
import { readCalendarId } from '../../helpers/calendars';
import { readLimit } from '../../helpers/paging';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many calendar notifications',
	description: 'List the emails, texts and in-app messages a calendar sends on bookings',
	endpoint: {
		method: 'GET',
		path: '/calendars/{calendarId}/notifications',
		operationId: 'get-event-notification',
		api: 'calendars',
		scopes: ['calendars/events.readonly'],
	},
};

export const properties: INodeProperties[] = [
	calendarLocator(),
	...pagingProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Deleted', name: 'deleted', type: 'boolean', default: true, description: 'Whether to list the deleted notifications instead' },
			{ displayName: 'Is Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether to list only active (on) or only inactive (off) notifications' },
		],
	},
];

export const example: OperationExample = (d) => ({ calendarId: byId(d.calendarIds[1]), returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const calendarId = readCalendarId(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const name of ['deleted', 'isActive']) if (filters[name] !== undefined) qs[name] = filters[name] === true;
	// GHL answers a page as a bare list, paged by skip/limit.
	return await getSkipPaged.call(this, endpointRequest(meta.endpoint, { pathParams: { calendarId }, qs, itemIndex }), '', readLimit(this, itemIndex));
}
