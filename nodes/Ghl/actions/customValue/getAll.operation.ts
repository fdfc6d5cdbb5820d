import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { listFromResponse } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many custom values',
	description: 'List the location’s custom values, with their merge keys',
	endpoint: {
		method: 'GET',
		path: '/locations/{locationId}/customValues',
		operationId: 'get-custom-values',
		api: 'locations',
		scopes: ['locations/customValues.readonly'],
	},
};

export const properties: INodeProperties[] = [...pagingProperties];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this) }, itemIndex });
	// GHL answers every custom value at once; the Limit cuts the list.
	return listFromResponse(this, itemIndex, response, 'customValues');
}
