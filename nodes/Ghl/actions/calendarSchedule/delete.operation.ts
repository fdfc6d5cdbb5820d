import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { scheduleLocator } from '../../descriptions/calendarFields';
import { readLocatorId } from '../../helpers/calendars';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a calendar schedule',
	description: 'Delete a user’s availability schedule for good',
	endpoint: {
		method: 'DELETE',
		path: '/calendars/schedules/{id}',
		operationId: 'deleteSchedule',
		api: 'calendars',
		scopes: ['calendars.write'],
	},
};

export const properties: INodeProperties[] = [scheduleLocator];

export const example: OperationExample = (d) => ({ scheduleId: byId(d.scheduleId) });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readLocatorId(this, itemIndex, 'scheduleId', 'Schedule');
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, itemIndex });
	return { id, ...response };
}
