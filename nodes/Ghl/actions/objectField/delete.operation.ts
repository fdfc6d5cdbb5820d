import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { objectFieldIdProperty } from '../../descriptions/objectFieldFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an object field',
	description: 'Delete a field of a custom object or of businesses',
	endpoint: {
		method: 'DELETE',
		path: '/custom-fields/{id}',
		operationId: 'delete-custom-field',
		api: 'custom-fields',
		scopes: ['locations/customFields.write'],
	},
};

export const properties: INodeProperties[] = [objectFieldIdProperty];

export const example: OperationExample = (d) => ({ fieldId: d.customObject.fieldId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'fieldId', 'Field ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, itemIndex });
}
