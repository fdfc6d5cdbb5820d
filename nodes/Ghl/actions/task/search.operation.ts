import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getLocationId, postSkipPaged } from '../../../shared/transport';
import { contactIdsProperty } from '../../descriptions/common';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import { checkId, checkIdList, checkText, toList } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Search',
	value: 'search',
	action: 'Search tasks across contacts',
	description: 'Find the location’s tasks of every contact, by status, assignee, contact, business or text',
	readmeNote: 'across contacts, Return All',
	endpoint: {
		method: 'POST',
		path: '/locations/{locationId}/tasks/search',
		operationId: 'task-search',
		api: 'locations',
		scopes: ['locations/tasks.readonly'],
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
			{
				displayName: 'Assigned User Names or IDs',
				name: 'assignedTo',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: [],
				description:
					'Tasks assigned to any of these users. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Business ID',
				name: 'businessId',
				type: 'string',
				default: '',
				description: 'Tasks of the contacts of this business',
			},
			{ ...contactIdsProperty, required: false, description: 'Comma-separated contact IDs, or an array from an expression: tasks of any of these contacts' },
			{
				displayName: 'Query',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Text matched against the tasks’ title and description',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Completed', value: 'completed' },
					{ name: 'Open', value: 'open' },
				],
				default: 'all',
			},
		],
	},
];

export const example: OperationExample = () => ({ returnAll: true, filters: { status: 'open' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (toList(filters.contactIds).length) body.contactId = checkIdList(this, itemIndex, 'Contact IDs', filters.contactIds);
	if (toList(filters.assignedTo).length) body.assignedTo = checkIdList(this, itemIndex, 'Assigned User Names or IDs', filters.assignedTo);
	if (filters.status === 'open' || filters.status === 'completed') body.completed = filters.status === 'completed';
	const query = checkText(this, itemIndex, 'Query', filters.query);
	if (query) body.query = query;
	if (filters.businessId) body.businessId = checkId(this, itemIndex, 'Business ID', filters.businessId);
	const request = endpointRequest(meta.endpoint, { pathParams: { locationId: await getLocationId(this) }, body, itemIndex });
	return await postSkipPaged.call(this, request, 'tasks', readLimit(this, itemIndex));
}
