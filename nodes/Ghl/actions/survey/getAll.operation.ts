import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FORM_PAGE_LIMIT } from '../../../shared/reads';
import { endpointRequest, getLocationId, getSkipPaged } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many surveys',
	description: 'List the location’s surveys',
	readmeNote: 'Return All',
	endpoint: {
		method: 'GET',
		path: '/surveys/',
		operationId: 'get-surveys',
		api: 'surveys',
		scopes: ['surveys.readonly'],
	},
};

export const properties: INodeProperties[] = [...pagingProperties];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// Paged with skip/limit, at most 50 a page.
	const request = endpointRequest(meta.endpoint, { qs: { locationId: await getLocationId(this) }, itemIndex });
	return await getSkipPaged.call(this, request, 'surveys', readLimit(this, itemIndex), 'skip', FORM_PAGE_LIMIT);
}
