import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Lost Reasons',
	value: 'getLostReasons',
	action: 'Get the lost reasons of opportunities',
	description: 'List the reasons the location gives for lost opportunities',
	endpoint: {
		method: 'GET',
		path: '/opportunities/lost-reason',
		operationId: 'get-lost-reason',
		api: 'opportunities',
		scopes: ['opportunities.readonly'],
	},
};

export const properties: INodeProperties[] = [];

export const example: OperationExample = () => ({});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, meta.endpoint, { qs: { locationId: await getLocationId(this) }, itemIndex });
	return (response.lostReasons ?? []) as IDataObject[];
}
