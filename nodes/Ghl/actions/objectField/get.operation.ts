import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { objectFieldIdProperty } from '../../descriptions/objectFieldFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get an object field',
	description: 'Get one field of a custom object or of businesses',
	unwrap: 'field',
	endpoint: {
		method: 'GET',
		path: '/custom-fields/{id}',
		operationId: 'get-custom-field-by-id',
		api: 'custom-fields',
		scopes: ['locations/customFields.readonly'],
	},
};

export const properties: INodeProperties[] = [objectFieldIdProperty];

export const example: OperationExample = (d) => ({ fieldId: d.customObject.fieldId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'fieldId', 'Field ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, itemIndex });
}
