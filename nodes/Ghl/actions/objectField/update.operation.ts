import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { objectFieldIdProperty, objectFieldOptions, showInFormsProperty } from '../../descriptions/objectFieldFields';
import { objectFieldSettings } from '../../helpers/objectFieldBody';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';
import { meta as getMeta } from './get.operation';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update an object field',
	description: 'Rename a custom object field or change its options, placeholder or form setting (its key and type stay)',
	unwrap: 'field',
	endpoint: {
		method: 'PUT',
		path: '/custom-fields/{id}',
		operationId: 'update-custom-field',
		api: 'custom-fields',
		scopes: ['locations/customFields.write'],
	},
};

const nameProperty: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '' };

export const properties: INodeProperties[] = [
	objectFieldIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...objectFieldOptions, nameProperty, showInFormsProperty].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const example: OperationExample = (d) => ({ fieldId: d.customObject.fieldId, updateFields: { name: 'Paint colour' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'fieldId', 'Field ID');
	const changes = objectFieldSettings(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(changes).length) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	}
	if (changes.showInForms === undefined) {
		// GHL's update requires Show in Forms: without a new value, the field's own is sent back.
		const current = await callEndpoint.call(this, getMeta.endpoint, { pathParams: { id }, itemIndex });
		changes.showInForms = (current.field as IDataObject | undefined)?.showInForms ?? true;
	}
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, body: { locationId: await getLocationId(this), ...changes }, itemIndex });
}
