import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { listFromResponse } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many custom fields',
	description: 'List the location’s custom fields of contacts, opportunities or both',
	endpoint: {
		method: 'GET',
		path: '/locations/{locationId}/customFields',
		operationId: 'get-custom-fields',
		api: 'locations',
		scopes: ['locations/customFields.readonly'],
	},
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Object',
		name: 'model',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Opportunity', value: 'opportunity' },
		],
		default: 'all',
		description: 'Whose fields to list',
	},
	...pagingProperties,
];

export const example: OperationExample = () => ({ model: 'contact', returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const model = this.getNodeParameter('model', itemIndex, 'all') as string;
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this) }, qs: { model }, itemIndex });
	// GHL answers every field at once; the Limit cuts the list.
	return listFromResponse(this, itemIndex, response, 'customFields');
}
