import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FORM_PAGE_LIMIT } from '../../../shared/reads';
import { endpointRequest, getLocationId, getSkipPaged } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many forms',
	description: 'List the location’s forms',
	readmeNote: 'Return All',
	endpoint: {
		method: 'GET',
		path: '/forms/',
		operationId: 'get-forms',
		api: 'forms',
		scopes: ['forms.readonly'],
	},
};

export const properties: INodeProperties[] = [...pagingProperties];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// Paged with skip/limit, at most 50 a page.
	const request = endpointRequest(meta.endpoint, { qs: { locationId: await getLocationId(this) }, itemIndex });
	return await getSkipPaged.call(this, request, 'forms', readLimit(this, itemIndex), 'skip', FORM_PAGE_LIMIT);
}
