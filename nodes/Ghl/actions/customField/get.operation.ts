import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { customFieldIdProperty } from '../../descriptions/locationFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a custom field',
	description: 'Get one custom field of the location, with its key and data type',
	unwrap: 'customField',
	endpoint: {
		method: 'GET',
		path: '/locations/{locationId}/customFields/{id}',
		operationId: 'get-custom-field',
		api: 'locations',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [customFieldIdProperty];

export const example: OperationExample = (d) => ({ customFieldId: d.location.customFieldId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'customFieldId', 'Custom Field');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this), id }, itemIndex });
}
