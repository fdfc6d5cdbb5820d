import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { recurringTaskDetails, recurringTaskIdProperty, scheduleOptional, scheduleRequired } from '../../descriptions/recurringTaskFields';
import { taskTitleProperty } from '../../descriptions/taskFields';
import { buildRecurringTaskDetails, buildSchedule } from '../../helpers/recurringTaskBody';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a recurring task',
	description: 'Change a recurring task’s title, contacts, assignees or schedule (a schedule is sent whole)',
	unwrap: 'recurringTask',
	endpoint: {
		method: 'PUT',
		path: '/locations/{locationId}/recurring-tasks/{id}',
		operationId: 'update-recurring-task',
		api: 'locations',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [
	recurringTaskIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...recurringTaskDetails, ...scheduleRequired, ...scheduleOptional, { ...taskTitleProperty, required: false }].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

export const example: OperationExample = (d) => ({ recurringTaskId: d.location.recurringTaskId, updateFields: { title: 'Fortnightly review' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'recurringTaskId', 'Recurring Task ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const rruleOptions = buildSchedule(this, itemIndex, fields);
	const body: IDataObject = { ...buildRecurringTaskDetails(this, itemIndex, fields), ...(rruleOptions ? { rruleOptions } : {}) };
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	}
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this), id }, body, itemIndex });
}
