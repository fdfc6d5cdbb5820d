import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Time Zones',
	value: 'getTimezones',
	action: 'Get the time zones',
	description: 'List the time zone names GHL accepts for the location, its users and calendars',
	endpoint: {
		method: 'GET',
		path: '/locations/{locationId}/timezones',
		operationId: 'get-timezones',
		api: 'locations',
		scopes: ['locations.readonly'],
	},
};

export const properties: INodeProperties[] = [];

export const example: OperationExample = () => ({});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this) }, itemIndex });
}
