import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { listFromResponse } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many tags',
	description: 'List the tags defined in the location',
	readmeNote: 'the location’s tags',
	endpoint: {
		method: 'GET',
		path: '/locations/{locationId}/tags',
		operationId: 'get-location-tags',
		api: 'locations',
		scopes: ['locations/tags.readonly'],
	},
};

export const properties: INodeProperties[] = [...pagingProperties];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this) }, itemIndex });
	// GHL answers every tag at once; the Limit cuts the list.
	return listFromResponse(this, itemIndex, response, 'tags');
}
