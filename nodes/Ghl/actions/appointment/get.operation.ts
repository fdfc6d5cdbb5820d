import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { eventIdProperty } from '../../descriptions/appointmentFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

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

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ eventId: d.appointment.id });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const eventId = requireParameter(this, itemIndex, 'eventId', 'Appointment ID');
	return await callEndpoint.call(this, meta.endpoint, {
		pathParams: { eventId },
		itemIndex,
	});
}
