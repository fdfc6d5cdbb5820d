import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { listFromResponse } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many users',
	description: 'List the users of the location',
	readmeNote: 'of the location',
	endpoint: {
		method: 'GET',
		path: '/users/',
		operationId: 'get-user-by-location',
		api: 'users',
		scopes: ['users.readonly'],
	},
};

export const properties: INodeProperties[] = [...pagingProperties];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, meta.endpoint, { qs: { locationId: await getLocationId(this) }, itemIndex });
	// GHL answers every user at once; the Limit cuts the list.
	return listFromResponse(this, itemIndex, response, 'users');
}
