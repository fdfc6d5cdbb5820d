import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getLocationId, getStartAfterPaged } from '../../../shared/transport';
import { contactQueryProperty, pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'List (Legacy)',
	value: 'list',
	action: 'List contacts (legacy)',
	description: 'Deprecated by GHL (GET /contacts/): use Get Many instead. Lists contacts, newest first.',
	readmeNote: 'deprecated by GHL, use Get Many',
	endpoint: {
		method: 'GET',
		path: '/contacts/',
		operationId: 'get-contacts',
		api: 'contacts',
		scopes: ['contacts.readonly'],
	},
};

export const properties: INodeProperties[] = [
	{
		displayName: 'GHL has deprecated this endpoint. Use the Get Many operation for new workflows.',
		name: 'deprecatedNotice',
		type: 'notice',
		default: '',
	},
	...pagingProperties,
	contactQueryProperty,
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = () => ({ returnAll: false, limit: 1 });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = (this.getNodeParameter('query', itemIndex, '') as string).trim();
	return await getStartAfterPaged.call(
		this,
		endpointRequest(meta.endpoint, { qs: { locationId: await getLocationId(this), ...(query ? { query } : {}) }, itemIndex }),
		'contacts',
		readLimit(this, itemIndex),
	);
}
