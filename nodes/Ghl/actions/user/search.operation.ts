import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getCompanyId } from '../../../shared/reads';
import { endpointRequest, getLocationId, getSkipPaged } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { USER_ROLES } from '../../descriptions/userFields';
import { readLimit } from '../../helpers/paging';
import { checkIdList, checkText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Search',
	value: 'search',
	action: 'Search users',
	description: 'Find the location’s users by name, email or phone, role or ID',
	readmeNote: 'text, role, IDs, Return All',
	endpoint: {
		method: 'GET',
		path: '/users/search',
		operationId: 'search-users',
		api: 'users',
		scopes: ['users.readonly'],
	},
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		description: 'Text matched against the users’ full name, email and phone',
	},
	...pagingProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Role', name: 'role', type: 'options', options: USER_ROLES, default: 'user' },
			{
				displayName: 'User IDs',
				name: 'ids',
				type: 'string',
				default: '',
				placeholder: 'e.g. 8gmOYNgPGfO5Lhx6YQ1a, 0FnUtmUgwKWe5ZXgHY1F',
				description: 'Only these users (comma-separated, or an array from an expression)',
			},
		],
	},
];

export const example: OperationExample = () => ({ query: 'sam', returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const query = checkText(this, itemIndex, 'Query', this.getNodeParameter('query', itemIndex, ''));
	if (query) qs.query = query;
	if (filters.role) qs.role = checkText(this, itemIndex, 'Role', filters.role);
	if (filters.ids !== undefined && filters.ids !== '') qs.ids = checkIdList(this, itemIndex, 'User IDs', filters.ids).join(',');
	// GHL's search is per company; the location keeps it to this sub-account's users.
	const request = endpointRequest(meta.endpoint, {
		qs: { companyId: await getCompanyId.call(this, itemIndex), locationId: await getLocationId(this), ...qs },
		itemIndex,
	});
	return await getSkipPaged.call(this, request, 'users', readLimit(this, itemIndex));
}
