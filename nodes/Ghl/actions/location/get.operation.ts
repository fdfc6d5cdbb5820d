import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get the location',
	description: 'Get the sub-account (location) the credential works in: its name, address, time zone and settings',
	unwrap: 'location',
	readmeNote: 'the credential’s sub-account',
	endpoint: {
		method: 'GET',
		path: '/locations/{locationId}',
		operationId: 'get-location',
		api: 'locations',
		scopes: ['locations.readonly'],
	},
};

export const properties: INodeProperties[] = [];

export const example: OperationExample = () => ({});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this) }, itemIndex });
}
