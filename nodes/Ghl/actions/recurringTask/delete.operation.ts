import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { recurringTaskIdProperty } from '../../descriptions/recurringTaskFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a recurring task',
	description: 'Delete a recurring task: GHL makes no more tasks from it',
	endpoint: {
		method: 'DELETE',
		path: '/locations/{locationId}/recurring-tasks/{id}',
		operationId: 'delete-recurring-task',
		api: 'locations',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [recurringTaskIdProperty];

export const example: OperationExample = (d) => ({ recurringTaskId: d.location.recurringTaskId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'recurringTaskId', 'Recurring Task ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this), id }, itemIndex });
}
