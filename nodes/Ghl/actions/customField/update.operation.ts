import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { customFieldOptions } from '../../descriptions/customFieldFields';
import { customFieldIdProperty } from '../../descriptions/locationFields';
import { customFieldSettings } from '../../helpers/customFieldBody';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';
import { meta as getMeta } from './get.operation';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a custom field',
	description: 'Rename a custom field or change its placeholder, position or file settings (its key and type stay)',
	unwrap: 'customField',
	endpoint: {
		method: 'PUT',
		path: '/locations/{locationId}/customFields/{id}',
		operationId: 'update-custom-field',
		api: 'locations',
		scopes: [],
	},
};

const nameProperty: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '' };

export const properties: INodeProperties[] = [
	customFieldIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...customFieldOptions, nameProperty].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

export const example: OperationExample = (d) => ({ customFieldId: d.location.customFieldId, updateFields: { placeholder: 'Your answer' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'customFieldId', 'Custom Field');
	const locationId = await getLocationId(this);
	const body = customFieldSettings(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	}
	if (body.name === undefined) {
		// GHL's update requires the name: without a new one, the field's own is sent back.
		const current = await callEndpoint.call(this, getMeta.endpoint, { pathParams: { locationId, id }, itemIndex });
		body.name = (current.customField as IDataObject | undefined)?.name;
	}
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId, id }, body, itemIndex });
}
