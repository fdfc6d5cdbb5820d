import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { scheduleHoursProperty, scheduleLocator, timeZoneProperty } from '../../descriptions/calendarFields';
import { buildScheduleBody, readLocatorId } from '../../helpers/calendars';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a calendar schedule',
	description: 'Rename a user’s availability schedule, change its time zone or replace its hours',
	unwrap: 'schedule',
	endpoint: {
		method: 'PUT',
		path: '/calendars/schedules/{id}',
		operationId: 'updateSchedule',
		api: 'calendars',
		scopes: ['calendars.write'],
	},
};

export const properties: INodeProperties[] = [
	scheduleLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			scheduleHoursProperty('When the user can be booked (replaces all the schedule’s hours)'),
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			timeZoneProperty('The zone its hours are in (Area/City)'),
		],
	},
];

export const example: OperationExample = (d) => ({ scheduleId: byId(d.scheduleId), updateFields: { name: 'Example hours' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readLocatorId(this, itemIndex, 'scheduleId', 'Schedule');
	const body = buildScheduleBody(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(body).length) throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, body, itemIndex });
}
