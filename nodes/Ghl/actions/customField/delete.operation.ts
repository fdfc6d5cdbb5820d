import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { customFieldIdProperty } from '../../descriptions/locationFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a custom field',
	description: 'Delete a custom field of the location, and its value on every record',
	endpoint: {
		method: 'DELETE',
		path: '/locations/{locationId}/customFields/{id}',
		operationId: 'delete-custom-field',
		api: 'locations',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [customFieldIdProperty];

export const example: OperationExample = (d) => ({ customFieldId: d.location.customFieldId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'customFieldId', 'Custom Field');
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this), id }, itemIndex });
	return { customFieldId: id, ...response };
}
