import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
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

/** Templates asked of GHL per request when returning all. */
const PAGE_SIZE = 100;

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
	const limit = readLimit(this, itemIndex);
	// originId is the template's owner: the location itself, for the location's own templates.
	const qs: IDataObject = { originId: locationId, ...(filters.type ? { type: filters.type } : {}), ...(filters.deleted ? { deleted: true } : {}) };
	const templates: IDataObject[] = [];
	// GHL pages with skip/limit (both typed as strings) and answers the total count.
	for (;;) {
		const pageSize = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - templates.length);
		const response = await callEndpoint.call(this, meta.endpoint, {
			pathParams: { locationId },
			qs: { ...qs, skip: String(templates.length), limit: String(pageSize) },
			itemIndex,
		});
		const page = (Array.isArray(response.templates) ? response.templates : []) as IDataObject[];
		templates.push(...page);
		const total = typeof response.totalCount === 'number' ? response.totalCount : undefined;
		const done = page.length < pageSize || (total !== undefined && templates.length >= total) || (limit !== undefined && templates.length >= limit);
		if (done) return limit === undefined ? templates : templates.slice(0, limit);
	}
}
