import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { calendarGroupProperty } from '../../descriptions/calendarFields';
import { pagingProperties } from '../../descriptions/paging';
import { listFromResponse } from '../../helpers/paging';
import { checkId } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many calendars',
	description: 'List the calendars of the location, optionally of one group',
	endpoint: {
		method: 'GET',
		path: '/calendars/',
		operationId: 'get-calendars',
		api: 'calendars',
		scopes: ['calendars.readonly'],
	},
};

export const properties: INodeProperties[] = [
	...pagingProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			calendarGroupProperty(false),
			{ displayName: 'Show Drafted', name: 'showDrafted', type: 'boolean', default: false, description: 'Whether to include calendars that are not active (drafts)' },
		],
	},
];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { locationId: await getLocationId(this) };
	if (filters.groupId) qs.groupId = checkId(this, itemIndex, 'Calendar Group', filters.groupId);
	if (filters.showDrafted === true) qs.showDrafted = true;
	const response = await callEndpoint.call(this, meta.endpoint, { qs, itemIndex });
	// GHL answers every calendar at once; the Limit cuts the list.
	return listFromResponse(this, itemIndex, response, 'calendars');
}
