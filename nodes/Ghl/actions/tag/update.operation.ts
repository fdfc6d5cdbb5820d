import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { tagIdProperty } from '../../descriptions/locationFields';
import { requireParameter, requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Rename a tag',
	description: 'Rename a tag of the location',
	unwrap: 'tag',
	endpoint: {
		method: 'PUT',
		path: '/locations/{locationId}/tags/{tagId}',
		operationId: 'update-tag',
		api: 'locations',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [
	tagIdProperty,
	{ displayName: 'New Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. customer' },
];

export const example: OperationExample = (d) => ({ tagId: d.location.tagId, name: 'renamed' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const tagId = requireParameter(this, itemIndex, 'tagId', 'Tag');
	const name = requireText(this, itemIndex, 'New Name', this.getNodeParameter('name', itemIndex, ''));
	return await callEndpoint.call(this, meta.endpoint, {
		pathParams: { locationId: await getLocationId(this), tagId },
		body: { name },
		itemIndex,
	});
}
