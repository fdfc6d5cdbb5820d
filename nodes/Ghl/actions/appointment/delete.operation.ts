import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ghlApiRequest, ghlPath } from '../../../shared/transport';
import { eventIdProperty } from '../../descriptions/appointmentFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an appointment',
	description: 'Delete an appointment (calendar event)',
	endpoint: {
		method: 'DELETE',
		path: '/calendars/events/{eventId}',
		operationId: 'delete-event',
		api: 'calendars',
		scopes: ['calendars/events.write'],
	},
};

export const properties: INodeProperties[] = [eventIdProperty];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const eventId = requireParameter(this, itemIndex, 'eventId', 'Appointment ID');
	// The spec requires a JSON body whose schema is empty.
	const response = await ghlApiRequest.call(this, {
		method: 'DELETE',
		path: ghlPath`/calendars/events/${eventId}`,
		api: 'calendars',
		body: {},
		itemIndex,
	});
	return { eventId, ...response };
}
