import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ghlApiRequest, ghlPath } from '../../../shared/transport';
import { eventIdProperty } from '../../descriptions/appointmentFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get an appointment',
	description: 'Get an appointment by its ID',
	unwrap: 'event',
	endpoint: {
		method: 'GET',
		path: '/calendars/events/appointments/{eventId}',
		operationId: 'get-appointment',
		api: 'calendars',
		scopes: ['calendars/events.readonly'],
	},
};

export const properties: INodeProperties[] = [eventIdProperty];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const eventId = requireParameter(this, itemIndex, 'eventId', 'Appointment ID');
	return await ghlApiRequest.call(this, {
		method: 'GET',
		path: ghlPath`/calendars/events/appointments/${eventId}`,
		api: 'calendars',
		itemIndex,
	});
}
