import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getLocationId, getSkipPaged } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { contactQueryProperty, pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many by Business',
	value: 'getManyByBusiness',
	action: 'Get many contacts of a business',
	description: 'Get the contacts that belong to a business',
	endpoint: {
		method: 'GET',
		path: '/contacts/business/{businessId}',
		operationId: 'get-contacts-by-businessId',
		api: 'contacts',
		scopes: ['contacts.readonly'],
	},
};

export const properties: INodeProperties[] = [
	idProperty('Business ID', 'businessId', 'ID of the business'),
	...pagingProperties,
	contactQueryProperty,
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ businessId: d.businessIds[0], returnAll: false, limit: 1 });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const businessId = requireParameter(this, itemIndex, 'businessId', 'Business ID');
	const query = (this.getNodeParameter('query', itemIndex, '') as string).trim();
	return await getSkipPaged.call(
		this,
		endpointRequest(meta.endpoint, {
			pathParams: { businessId },
			qs: { locationId: await getLocationId(this), ...(query ? { query } : {}) },
			itemIndex,
		}),
		'contacts',
		readLimit(this, itemIndex),
	);
}
