import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getLocationId, getSkipPaged, ghlPath } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { contactQueryProperty, pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import { requireParameter } from '../../helpers/validation';
import type { OperationMeta } from '../types';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const businessId = requireParameter(this, itemIndex, 'businessId', 'Business ID');
	const query = (this.getNodeParameter('query', itemIndex, '') as string).trim();
	return await getSkipPaged.call(
		this,
		{
			path: ghlPath`/contacts/business/${businessId}`,
			qs: { locationId: await getLocationId(this), ...(query ? { query } : {}) },
			itemIndex,
		},
		'contacts',
		readLimit(this, itemIndex),
	);
}
