import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getAgencyConnection, getSkipPaged } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import { checkEmail } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Search Sub-Accounts',
	value: 'searchSubAccounts',
	action: 'Search sub-accounts of the agency',
	description: 'List the agency’s sub-accounts (locations), whether or not your app is installed in them',
	readmeNote: 'every sub-account of the agency, by email',
	endpoint: {
		method: 'GET',
		path: '/locations/search',
		operationId: 'search-locations',
		api: 'locations',
		scopes: ['locations.readonly'],
		agency: true,
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
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Only the sub-account with this email' },
			{
				displayName: 'Order',
				name: 'order',
				type: 'options',
				options: [
					{ name: 'Newest First', value: 'desc' },
					{ name: 'Oldest First', value: 'asc' },
				],
				default: 'asc',
			},
		],
	},
];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const { agency } = await getAgencyConnection(this);
	const qs: IDataObject = { companyId: agency.companyId };
	if (filters.email) qs.email = checkEmail(this, itemIndex, 'Email', filters.email);
	if (filters.order) qs.order = filters.order;
	return await getSkipPaged.call(this, endpointRequest(meta.endpoint, { qs, itemIndex }), 'locations', readLimit(this, itemIndex));
}
