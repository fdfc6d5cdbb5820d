import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarResourceIdProperty, resourceTypeProperty } from '../../descriptions/calendarFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a calendar resource',
	description: 'Delete a room or piece of equipment',
	endpoint: {
		method: 'DELETE',
		path: '/calendars/resources/{resourceType}/{id}',
		operationId: 'delete-calendar-resource',
		api: 'calendars',
		scopes: ['calendars/resources.write'],
	},
};

export const properties: INodeProperties[] = [resourceTypeProperty, calendarResourceIdProperty];

export const example: OperationExample = (d) => ({ resourceType: 'rooms', resourceId: d.roomId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const resourceType = this.getNodeParameter('resourceType', itemIndex, 'rooms') as string;
	const id = requireParameter(this, itemIndex, 'resourceId', 'Calendar Resource ID');
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { resourceType, id }, itemIndex });
	return { id, resourceType, ...response };
}
