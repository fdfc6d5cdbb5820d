import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { businessProperty } from '../../descriptions/businessFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a business',
	description: 'Delete a business of the location',
	endpoint: {
		method: 'DELETE',
		path: '/businesses/{businessId}',
		operationId: 'delete-Business',
		api: 'businesses',
		scopes: ['businesses.write'],
	},
};

export const properties: INodeProperties[] = [businessProperty];

export const example: OperationExample = (d) => ({ businessId: d.businessIds[1] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const businessId = requireParameter(this, itemIndex, 'businessId', 'Business ID');
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { businessId }, itemIndex });
	return { businessId, ...response };
}
