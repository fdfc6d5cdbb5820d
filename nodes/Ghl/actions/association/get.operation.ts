import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { associationProperty } from '../../descriptions/associationFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get an association',
	description: 'Get an association (system or user defined) by ID',
	endpoint: {
		method: 'GET',
		path: '/associations/{associationId}',
		operationId: 'get-association-by-ID',
		api: 'associations',
		scopes: ['associations.readonly'],
	},
};

export const properties: INodeProperties[] = [associationProperty];

export const example: OperationExample = (d) => ({ associationId: d.association.id });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const associationId = requireParameter(this, itemIndex, 'associationId', 'Association');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { associationId }, itemIndex });
}
