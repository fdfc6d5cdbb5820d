import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many subscription types',
	description: 'List the location’s custom subscription types (what contacts opt in to or out of)',
	endpoint: { method: 'GET', path: '/conversations/preferences/custom-subtypes', operationId: 'get-all-custom-subtypes', api: 'conversations', scopes: [] },
};

export const properties: INodeProperties[] = [...pagingProperties];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = (await callEndpoint.call(this, meta.endpoint, { qs: { locationId: await getLocationId(this) }, itemIndex })) as IDataObject | IDataObject[];
	// GHL's spec does not describe the answer: the list is the answer, or its first array of records. It comes whole; the Limit cuts it.
	const list = Array.isArray(response)
		? response
		: ((Object.values(response).find((value) => Array.isArray(value) && value.every((entry) => entry !== null && typeof entry === 'object')) ?? []) as IDataObject[]);
	const limit = readLimit(this, itemIndex);
	return limit === undefined ? list : list.slice(0, limit);
}
