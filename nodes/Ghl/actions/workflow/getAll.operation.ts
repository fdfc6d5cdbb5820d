import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { pagingProperties } from '../../descriptions/paging';
import { listFromResponse } from '../../helpers/paging';
import { SHARED_ENDPOINTS } from '../../../shared/reads';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many workflows',
	description: 'List the location’s automation workflows with their status',
	// The same read fills the Workflow pickers (nodes/shared/reads.ts).
	endpoint: SHARED_ENDPOINTS.workflows,
};

export const properties: INodeProperties[] = [...pagingProperties];

export const example: OperationExample = () => ({ returnAll: false, limit: 1 });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// GHL answers every workflow at once; the Limit cuts the list.
	const response = await callEndpoint.call(this, meta.endpoint, { qs: { locationId: await getLocationId(this) }, itemIndex });
	return listFromResponse(this, itemIndex, response, 'workflows');
}
