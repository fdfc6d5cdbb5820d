import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { userIdProperty } from '../../descriptions/userFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a user',
	description: 'Get a user by ID, with their role and permissions',
	endpoint: {
		method: 'GET',
		path: '/users/{userId}',
		operationId: 'get-user',
		api: 'users',
		scopes: ['users.readonly'],
	},
};

export const properties: INodeProperties[] = [userIdProperty];

export const example: OperationExample = (d) => ({ userId: d.userIds[1] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = requireParameter(this, itemIndex, 'userId', 'User ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { userId }, itemIndex });
}
