import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { customFieldDataTypeProperty, customFieldModelProperty, customFieldOptions } from '../../descriptions/customFieldFields';
import { customFieldSettings } from '../../helpers/customFieldBody';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a custom field',
	description: 'Create a custom field on the location’s contacts or opportunities',
	unwrap: 'customField',
	endpoint: {
		method: 'POST',
		path: '/locations/{locationId}/customFields',
		operationId: 'create-custom-field',
		api: 'locations',
		scopes: ['locations/customFields.write'],
	},
};

export const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Lead Quality' },
	customFieldDataTypeProperty,
	customFieldModelProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customFieldOptions,
	},
];

export const example: OperationExample = () => ({ name: 'Example Field', dataType: 'TEXT', model: 'contact' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		...customFieldSettings(this, itemIndex, { ...additional, name: this.getNodeParameter('name', itemIndex, '') }),
		dataType: this.getNodeParameter('dataType', itemIndex),
		model: this.getNodeParameter('model', itemIndex, 'contact'),
	};
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this) }, body, itemIndex });
}
