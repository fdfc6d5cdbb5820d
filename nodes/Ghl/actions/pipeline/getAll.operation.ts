import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { listFromResponse } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many pipelines',
	description: 'List the location’s pipelines with their stages',
	endpoint: {
		method: 'GET',
		path: '/opportunities/pipelines',
		operationId: 'get-pipelines',
		api: 'opportunities',
		scopes: ['opportunities.readonly'],
	},
};

export const properties: INodeProperties[] = [...pagingProperties];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, meta.endpoint, { qs: { locationId: await getLocationId(this) }, itemIndex });
	// GHL answers every pipeline at once; the Limit cuts the list.
	return listFromResponse(this, itemIndex, response, 'pipelines');
}
