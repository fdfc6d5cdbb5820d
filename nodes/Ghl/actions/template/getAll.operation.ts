import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getLocationId, getSkipPaged } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many templates',
	description: 'List the location’s email and SMS templates',
	readmeNote: 'email and SMS, by kind',
	endpoint: {
		method: 'GET',
		path: '/locations/{locationId}/templates',
		operationId: 'GET-all-or-email-sms-templates',
		api: 'locations',
		scopes: ['locations/templates.readonly'],
	},
};

export const properties: INodeProperties[] = [
	...pagingProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Deleted',
				name: 'deleted',
				type: 'boolean',
				default: false,
				description: 'Whether to list deleted templates instead of the ones in use',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Email', value: 'email' },
					{ name: 'SMS', value: 'sms' },
					{ name: 'WhatsApp', value: 'whatsapp' },
				],
				default: 'email',
			},
		],
	},
];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const locationId = await getLocationId(this);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	// originId is the templates' owner: the location itself, for the location's own templates.
	const qs: IDataObject = { originId: locationId, ...(filters.type ? { type: filters.type } : {}), ...(filters.deleted ? { deleted: true } : {}) };
	return await getSkipPaged.call(this, endpointRequest(meta.endpoint, { pathParams: { locationId }, qs, itemIndex }), 'templates', readLimit(this, itemIndex));
}
