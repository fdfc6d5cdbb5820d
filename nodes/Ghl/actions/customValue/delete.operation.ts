import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { customValueIdProperty } from '../../descriptions/locationFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a custom value',
	description: 'Delete a custom value of the location',
	endpoint: {
		method: 'DELETE',
		path: '/locations/{locationId}/customValues/{id}',
		operationId: 'delete-custom-value',
		api: 'locations',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [customValueIdProperty];

export const example: OperationExample = (d) => ({ customValueId: d.location.customValueId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'customValueId', 'Custom Value');
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this), id }, itemIndex });
	return { customValueId: id, ...response };
}
