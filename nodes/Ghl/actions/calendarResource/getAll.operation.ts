import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getLocationId, getSkipPaged } from '../../../shared/transport';
import { resourceTypeProperty } from '../../descriptions/calendarFields';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many calendar resources',
	description: 'List the location’s rooms or equipment',
	endpoint: {
		method: 'GET',
		path: '/calendars/resources/{resourceType}',
		operationId: 'fetch-calendar-resources',
		api: 'calendars',
		scopes: ['calendars/resources.readonly'],
	},
};

export const properties: INodeProperties[] = [resourceTypeProperty, ...pagingProperties];

export const example: OperationExample = () => ({ resourceType: 'rooms', returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const resourceType = this.getNodeParameter('resourceType', itemIndex, 'rooms') as string;
	const request = endpointRequest(meta.endpoint, { pathParams: { resourceType }, qs: { locationId: await getLocationId(this) }, itemIndex });
	// GHL answers a page as a bare list, paged by skip/limit.
	return await getSkipPaged.call(this, request, '', readLimit(this, itemIndex));
}
