import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { pagingProperties } from '../../descriptions/paging';
import { listFromResponse } from '../../helpers/paging';
import { checkText } from '../../helpers/validation';
import { SHARED_ENDPOINTS } from '../../../shared/reads';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many campaigns',
	description: 'List the location’s campaigns, optionally only those with a status',
	readmeNote: 'by status',
	// The same read fills the Campaign pickers (nodes/shared/reads.ts).
	endpoint: SHARED_ENDPOINTS.campaigns,
};

export const properties: INodeProperties[] = [
	...pagingProperties,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Any', value: '' },
			{ name: 'Draft', value: 'draft' },
			{ name: 'Published', value: 'published' },
		],
		default: '',
		description: 'Only campaigns with this status',
	},
];

export const example: OperationExample = () => ({ returnAll: true, status: 'published' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const status = checkText(this, itemIndex, 'Status', this.getNodeParameter('status', itemIndex, ''));
	// GHL answers every campaign at once; the Limit cuts the list.
	const response = await callEndpoint.call(this, meta.endpoint, { qs: { locationId: await getLocationId(this), ...(status ? { status } : {}) }, itemIndex });
	return listFromResponse(this, itemIndex, response, 'campaigns');
}
