import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { recurringTaskDetails, scheduleOptional, scheduleRequired } from '../../descriptions/recurringTaskFields';
import { taskTitleProperty } from '../../descriptions/taskFields';
import { buildRecurringTaskDetails, buildSchedule } from '../../helpers/recurringTaskBody';
import { requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a recurring task',
	description: 'Create a task that GHL makes again on a schedule (hourly to yearly), for contacts and assignees',
	unwrap: 'recurringTask',
	endpoint: {
		method: 'POST',
		path: '/locations/{locationId}/recurring-tasks',
		operationId: 'create-recurring-task',
		api: 'locations',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [
	taskTitleProperty,
	...scheduleRequired.map((property) => ({ ...property, required: true })),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...recurringTaskDetails, ...scheduleOptional].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const example: OperationExample = (d) => ({
	title: 'Weekly check-in',
	intervalType: 'weekly',
	interval: 1,
	startDate: '2026-12-07T09:00:00Z',
	dueAfterSeconds: 3600,
	additionalFields: { owners: [d.userIds[0]] },
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const title = requireText(this, itemIndex, 'Title', this.getNodeParameter('title', itemIndex, ''));
	const scheduleFields: IDataObject = { ...additional };
	for (const { name } of scheduleRequired) scheduleFields[name] = this.getNodeParameter(name, itemIndex, '');
	const rruleOptions = buildSchedule(this, itemIndex, scheduleFields);
	const body: IDataObject = { ...buildRecurringTaskDetails(this, itemIndex, additional), title, rruleOptions };
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this) }, body, itemIndex });
}
