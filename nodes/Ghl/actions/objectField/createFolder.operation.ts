import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { objectKeyProperty } from '../../descriptions/objectFieldFields';
import { requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create Folder',
	value: 'createFolder',
	action: 'Create an object field folder',
	description: 'Create a folder that groups a custom object’s fields',
	endpoint: {
		method: 'POST',
		path: '/custom-fields/folder',
		operationId: 'create-custom-field-folder',
		api: 'custom-fields',
		scopes: ['locations/customFields.write'],
	},
};

export const properties: INodeProperties[] = [
	objectKeyProperty,
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Vehicle details' },
];

export const example: OperationExample = (d) => ({ objectKey: d.customObject.key, name: 'Example folder' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = {
		objectKey: requireText(this, itemIndex, 'Object Key', this.getNodeParameter('objectKey', itemIndex, '')),
		name: requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex, '')),
		locationId: await getLocationId(this),
	};
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
