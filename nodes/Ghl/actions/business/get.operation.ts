import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { businessProperty } from '../../descriptions/businessFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a business',
	description: 'Get a business by ID',
	unwrap: 'business',
	endpoint: {
		method: 'GET',
		path: '/businesses/{businessId}',
		operationId: 'get-business',
		api: 'businesses',
		scopes: ['businesses.readonly'],
	},
};

export const properties: INodeProperties[] = [businessProperty];

export const example: OperationExample = (d) => ({ businessId: d.businessIds[0] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const businessId = requireParameter(this, itemIndex, 'businessId', 'Business ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { businessId }, itemIndex });
}
