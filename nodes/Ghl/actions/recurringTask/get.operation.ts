import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { recurringTaskIdProperty } from '../../descriptions/recurringTaskFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a recurring task',
	description: 'Get a recurring task with its schedule',
	unwrap: 'recurringTask',
	endpoint: {
		method: 'GET',
		path: '/locations/{locationId}/recurring-tasks/{id}',
		operationId: 'get-recurring-task-by-id',
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
