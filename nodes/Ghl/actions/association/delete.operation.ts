import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { associationProperty } from '../../descriptions/associationFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an association',
	description: 'Delete a user-defined association and every relation made under it',
	endpoint: {
		method: 'DELETE',
		path: '/associations/{associationId}',
		operationId: 'delete-association',
		api: 'associations',
		scopes: ['associations.write'],
	},
};

export const properties: INodeProperties[] = [associationProperty];

export const example: OperationExample = (d) => ({ associationId: d.association.id });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const associationId = requireParameter(this, itemIndex, 'associationId', 'Association');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { associationId }, itemIndex });
}
