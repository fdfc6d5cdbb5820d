import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { scheduleLocator } from '../../descriptions/calendarFields';
import { readLocatorId } from '../../helpers/calendars';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a calendar schedule',
	description: 'Get a user’s availability schedule with its hours, time zone and calendars',
	unwrap: 'schedule',
	endpoint: {
		method: 'GET',
		path: '/calendars/schedules/{id}',
		operationId: 'getScheduleById',
		api: 'calendars',
		scopes: ['calendars.readonly'],
	},
};

export const properties: INodeProperties[] = [scheduleLocator];

export const example: OperationExample = (d) => ({ scheduleId: byId(d.scheduleId) });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readLocatorId(this, itemIndex, 'scheduleId', 'Schedule');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, itemIndex });
}
