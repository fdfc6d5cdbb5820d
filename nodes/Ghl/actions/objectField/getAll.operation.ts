import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { objectKeyProperty } from '../../descriptions/objectFieldFields';
import { pagingProperties } from '../../descriptions/paging';
import { listFromResponse } from '../../helpers/paging';
import { requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many object fields',
	description: 'List the fields of a custom object or of businesses, or its folders',
	readmeNote: 'by object key, fields or folders',
	endpoint: {
		method: 'GET',
		path: '/custom-fields/object-key/{objectKey}',
		operationId: 'get-custom-fields-by-object-key',
		api: 'custom-fields',
		scopes: ['locations/customFields.readonly'],
	},
};

export const properties: INodeProperties[] = [
	objectKeyProperty,
	{
		displayName: 'Return',
		name: 'list',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields' },
			{ name: 'Folders', value: 'folders' },
		],
		default: 'fields',
	},
	...pagingProperties,
];

export const example: OperationExample = (d) => ({ objectKey: d.customObject.key, list: 'fields', returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const objectKey = requireText(this, itemIndex, 'Object Key', this.getNodeParameter('objectKey', itemIndex, ''));
	const list = this.getNodeParameter('list', itemIndex, 'fields') as string;
	const response = await callEndpoint.call(this, meta.endpoint, {
		pathParams: { objectKey },
		qs: { locationId: await getLocationId(this) },
		itemIndex,
	});
	// GHL answers the object's fields and folders at once; the Limit cuts the list.
	return listFromResponse(this, itemIndex, response, list === 'folders' ? 'folders' : 'fields');
}
