import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getLocationId, ghlApiRequest } from '../../../shared/transport';
import { contactIdsProperty, idProperty } from '../../descriptions/common';
import { checkIdList, requireParameter } from '../../helpers/validation';
import type { OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update Business (Bulk)',
	value: 'bulkUpdateBusiness',
	action: 'Add or remove contacts from a business',
	description: 'Add many contacts to a business, or remove them from theirs, in one request',
	endpoint: {
		method: 'POST',
		path: '/contacts/bulk/business',
		operationId: 'add-remove-contact-from-business',
		api: 'contacts',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [
	contactIdsProperty,
	{
		displayName: 'Business Action',
		name: 'businessAction',
		type: 'options',
		options: [
			{ name: 'Add to Business', value: 'add' },
			{ name: 'Remove From Business', value: 'remove' },
		],
		default: 'add',
	},
	{ ...idProperty('Business ID', 'businessId', 'ID of the business'), displayOptions: { show: { businessAction: ['add'] } } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ids = checkIdList(this, itemIndex, 'Contact IDs', this.getNodeParameter('contactIds', itemIndex, ''));
	const businessId =
		this.getNodeParameter('businessAction', itemIndex, 'add') === 'add'
			? requireParameter(this, itemIndex, 'businessId', 'Business ID')
			: null;
	return await ghlApiRequest.call(this, {
		method: 'POST',
		path: '/contacts/bulk/business',
		body: { locationId: await getLocationId(this), ids, businessId },
		idempotent: true,
		itemIndex,
	});
}
