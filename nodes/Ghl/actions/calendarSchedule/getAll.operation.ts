import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getLocationId, getSkipPaged } from '../../../shared/transport';
import { userProperty } from '../../descriptions/common';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import { checkId } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many calendar schedules',
	description: 'List a user’s availability schedules, optionally only those applied to one calendar',
	endpoint: {
		method: 'GET',
		path: '/calendars/schedules/search',
		operationId: 'getAllSchedules',
		api: 'calendars',
		scopes: ['calendars.readonly'],
	},
};

/** GHL's largest page of schedules. */
const PAGE_LIMIT = 500;

export const properties: INodeProperties[] = [
	{ ...userProperty('User Name or ID', 'userId'), required: true, description: 'Whose schedules to list (GHL searches one user at a time). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
	...pagingProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Calendar Name or ID',
				name: 'calendarId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCalendars' },
				default: '',
				description: 'Only schedules applied to this calendar. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

export const example: OperationExample = (d) => ({ userId: d.userIds[1], returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = checkId(this, itemIndex, 'User', this.getNodeParameter('userId', itemIndex, ''));
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { locationId: await getLocationId(this), userId };
	if (filters.calendarId) qs.calendarId = checkId(this, itemIndex, 'Calendar', filters.calendarId);
	const request = endpointRequest(meta.endpoint, { qs, itemIndex });
	return await getSkipPaged.call(this, request, 'schedules', readLimit(this, itemIndex), 'skip', PAGE_LIMIT);
}
