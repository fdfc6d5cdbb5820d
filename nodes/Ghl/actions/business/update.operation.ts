import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { businessFieldOptions, businessProperty } from '../../descriptions/businessFields';
import { buildBusinessBody, normaliseBusinessAnswer } from '../../helpers/businessBody';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a business',
	description: 'Change a business’s name, contact details or address',
	unwrap: 'business',
	endpoint: {
		method: 'PUT',
		path: '/businesses/{businessId}',
		operationId: 'update-business',
		api: 'businesses',
		scopes: ['businesses.write'],
	},
};

export const properties: INodeProperties[] = [
	businessProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: businessFieldOptions([{ displayName: 'Name', name: 'name', type: 'string', default: '' }]),
	},
];

export const example: OperationExample = (d) => ({ businessId: d.businessIds[1], updateFields: { website: 'https://globex.example.com' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const businessId = requireParameter(this, itemIndex, 'businessId', 'Business ID');
	const body = buildBusinessBody(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	}
	return normaliseBusinessAnswer(await callEndpoint.call(this, meta.endpoint, { pathParams: { businessId }, body, itemIndex }));
}
