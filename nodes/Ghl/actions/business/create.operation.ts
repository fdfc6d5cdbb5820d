import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { businessFieldOptions } from '../../descriptions/businessFields';
import { buildBusinessBody, normaliseBusinessAnswer } from '../../helpers/businessBody';
import { requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a business',
	description: 'Create a business (a company contacts can belong to) in the location',
	unwrap: 'business',
	endpoint: {
		method: 'POST',
		path: '/businesses/',
		operationId: 'create-business',
		api: 'businesses',
		scopes: ['businesses.write'],
	},
};

export const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Acme Corporation' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: businessFieldOptions(),
	},
];

export const example: OperationExample = () => ({ name: 'Initech', additionalFields: { city: 'Austin' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex, ''));
	const fields = buildBusinessBody(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const response = await callEndpoint.call(this, meta.endpoint, {
		body: { name, ...fields, locationId: await getLocationId(this) },
		itemIndex,
	});
	return normaliseBusinessAnswer(response);
}
