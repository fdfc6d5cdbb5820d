import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { customValueIdProperty } from '../../descriptions/locationFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a custom value',
	description: 'Get one custom value of the location, with its merge key',
	unwrap: 'customValue',
	endpoint: {
		method: 'GET',
		path: '/locations/{locationId}/customValues/{id}',
		operationId: 'get-custom-value',
		api: 'locations',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [customValueIdProperty];

export const example: OperationExample = (d) => ({ customValueId: d.location.customValueId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'customValueId', 'Custom Value');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this), id }, itemIndex });
}
