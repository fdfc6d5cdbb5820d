import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { contactIdsProperty, idProperty } from '../../descriptions/common';
import { checkIdList, requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update Business (Bulk)',
	value: 'bulkUpdateBusiness',
	action: 'Add or remove contacts from a business',
	description: 'Add many contacts to a business, or remove them from theirs, in one request',
	readmeNote: 'add or remove contacts',
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

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactIds: d.secondContactId, businessAction: 'add', businessId: d.businessIds[1] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ids = checkIdList(this, itemIndex, 'Contact IDs', this.getNodeParameter('contactIds', itemIndex, ''));
	const businessId =
		this.getNodeParameter('businessAction', itemIndex, 'add') === 'add'
			? requireParameter(this, itemIndex, 'businessId', 'Business ID')
			: null;
	return await callEndpoint.call(this, meta.endpoint, {
		body: { locationId: await getLocationId(this), ids, businessId },
		idempotent: true,
		itemIndex,
	});
}
