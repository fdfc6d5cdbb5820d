import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarResourceIdProperty, resourceTypeProperty } from '../../descriptions/calendarFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a calendar resource',
	description: 'Get a room or piece of equipment with its calendars',
	endpoint: {
		method: 'GET',
		path: '/calendars/resources/{resourceType}/{id}',
		operationId: 'get-calendar-resource',
		api: 'calendars',
		scopes: ['calendars/resources.readonly'],
	},
};

export const properties: INodeProperties[] = [resourceTypeProperty, calendarResourceIdProperty];

export const example: OperationExample = (d) => ({ resourceType: 'rooms', resourceId: d.roomId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const resourceType = this.getNodeParameter('resourceType', itemIndex, 'rooms') as string;
	const id = requireParameter(this, itemIndex, 'resourceId', 'Calendar Resource ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { resourceType, id }, itemIndex });
}
