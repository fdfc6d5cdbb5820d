import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { userIdProperty } from '../../descriptions/userFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a user',
	description: 'Delete a user of the location',
	endpoint: {
		method: 'DELETE',
		path: '/users/{userId}',
		operationId: 'delete-user',
		api: 'users',
		scopes: ['users.write'],
	},
};

export const properties: INodeProperties[] = [userIdProperty];

export const example: OperationExample = (d) => ({ userId: d.userIds[2] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = requireParameter(this, itemIndex, 'userId', 'User ID');
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { userId }, itemIndex });
	return { userId, ...response };
}
