import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { objectFieldDataTypeProperty, objectFieldOptions, objectFolderIdProperty, objectKeyProperty, showInFormsProperty } from '../../descriptions/objectFieldFields';
import { objectFieldSettings } from '../../helpers/objectFieldBody';
import { checkId, requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create an object field',
	description: 'Create a field of a custom object or of businesses, in one of its folders',
	unwrap: 'field',
	endpoint: {
		method: 'POST',
		path: '/custom-fields/',
		operationId: 'create-custom-field',
		api: 'custom-fields',
		scopes: ['locations/customFields.write'],
	},
};

export const properties: INodeProperties[] = [
	objectKeyProperty,
	objectFolderIdProperty,
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Colour' },
	{
		displayName: 'Field Key',
		name: 'fieldKey',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. colour',
		description: 'The field’s key; without the object key in front, it is added (colour → custom_objects.pet.colour)',
	},
	objectFieldDataTypeProperty,
	{ ...showInFormsProperty, required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: objectFieldOptions,
	},
];

export const example: OperationExample = (d) => ({
	objectKey: d.customObject.key,
	folderId: d.customObject.folderId,
	name: 'Example',
	fieldKey: 'example',
	dataType: 'TEXT',
	showInForms: true,
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const objectKey = requireText(this, itemIndex, 'Object Key', this.getNodeParameter('objectKey', itemIndex, ''));
	const key = requireText(this, itemIndex, 'Field Key', this.getNodeParameter('fieldKey', itemIndex, ''));
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		locationId: await getLocationId(this),
		objectKey,
		parentId: checkId(this, itemIndex, 'Folder ID', this.getNodeParameter('folderId', itemIndex, '')),
		fieldKey: key.startsWith(`${objectKey}.`) ? key : `${objectKey}.${key}`,
		dataType: this.getNodeParameter('dataType', itemIndex),
		...objectFieldSettings(this, itemIndex, {
			...additional,
			name: this.getNodeParameter('name', itemIndex, ''),
			showInForms: this.getNodeParameter('showInForms', itemIndex, true),
		}),
	};
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
