import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { userIdProperty, userUpdateFieldOptions } from '../../descriptions/userFields';
import { buildUserBody } from '../../helpers/userBody';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a user',
	description: 'Change a user’s name, phone, password or role',
	endpoint: {
		method: 'PUT',
		path: '/users/{userId}',
		operationId: 'update-user',
		api: 'users',
		scopes: ['users.write'],
	},
};

export const properties: INodeProperties[] = [
	userIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: userUpdateFieldOptions,
	},
];

export const example: OperationExample = (d) => ({ userId: d.userIds[2], updateFields: { phone: '+15550209999' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = requireParameter(this, itemIndex, 'userId', 'User ID');
	const body = buildUserBody(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	}
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { userId }, body, itemIndex });
}
