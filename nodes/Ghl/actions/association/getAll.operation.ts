import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getLocationId, getSkipPaged } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many associations',
	description: 'List the location’s associations, system and user defined',
	readmeNote: 'Return All',
	endpoint: {
		method: 'GET',
		path: '/associations/',
		operationId: 'find-associations',
		api: 'associations',
		scopes: ['associations.readonly'],
	},
};

export const properties: INodeProperties[] = [...pagingProperties];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// Paged with skip/limit, 100 a page at most.
	return await getSkipPaged.call(
		this,
		endpointRequest(meta.endpoint, { qs: { locationId: await getLocationId(this) }, itemIndex }),
		'associations',
		readLimit(this, itemIndex),
	);
}
