import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarLocator, scheduleLocator } from '../../descriptions/calendarFields';
import { readCalendarId, readLocatorId } from '../../helpers/calendars';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Remove Calendar',
	value: 'removeCalendar',
	action: 'Remove a calendar from a calendar schedule',
	description: 'Stop applying a user’s availability schedule to a calendar',
	endpoint: {
		method: 'DELETE',
		path: '/calendars/schedules/{id}/associations/{calendarId}',
		operationId: 'remove-calendar-from-schedule',
		api: 'calendars',
		scopes: ['calendars.write'],
	},
};

export const properties: INodeProperties[] = [scheduleLocator, { ...calendarLocator(), description: 'The calendar to take off the schedule: pick it from the list, or give its ID' }];

export const example: OperationExample = (d) => ({ scheduleId: byId(d.scheduleId), calendarId: byId(d.calendarIds[0]) });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readLocatorId(this, itemIndex, 'scheduleId', 'Schedule');
	const calendarId = readCalendarId(this, itemIndex);
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { id, calendarId }, itemIndex });
	return { id, calendarId, ...response };
}
