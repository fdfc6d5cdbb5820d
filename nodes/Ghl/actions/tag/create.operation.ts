import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a tag',
	description: 'Create a tag in the location, ready to put on contacts',
	unwrap: 'tag',
	endpoint: {
		method: 'POST',
		path: '/locations/{locationId}/tags',
		operationId: 'create-tag',
		api: 'locations',
		scopes: ['locations/tags.write'],
	},
};

export const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. vip' },
];

export const example: OperationExample = () => ({ name: 'example' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex, ''));
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this) }, body: { name }, itemIndex });
}
