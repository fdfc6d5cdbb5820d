import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getLocationId, getSkipPaged } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many businesses',
	description: 'List the location’s businesses',
	readmeNote: 'Return All',
	endpoint: {
		method: 'GET',
		path: '/businesses/',
		operationId: 'get-businesses-by-location',
		api: 'businesses',
		scopes: ['businesses.readonly'],
	},
};

export const properties: INodeProperties[] = [...pagingProperties];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// Paged with skip/limit (strings in GHL's spec), 100 a page at most.
	return await getSkipPaged.call(
		this,
		endpointRequest(meta.endpoint, { qs: { locationId: await getLocationId(this) }, itemIndex }),
		'businesses',
		readLimit(this, itemIndex),
	);
}
