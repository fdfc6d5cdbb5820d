import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { listFromResponse } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many objects',
	description: 'List the location’s objects: its custom objects and the standard contact, opportunity and business',
	endpoint: {
		method: 'GET',
		path: '/objects/',
		operationId: 'get-object-by-location-id',
		api: 'objects',
		scopes: ['objects/schema.readonly'],
	},
};

export const properties: INodeProperties[] = [...pagingProperties];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, meta.endpoint, { qs: { locationId: await getLocationId(this) }, itemIndex });
	// GHL answers every object at once; the Limit cuts the list.
	return listFromResponse(this, itemIndex, response, 'objects');
}
