import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { eventIdProperty } from '../../descriptions/appointmentFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

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

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ eventId: d.appointment.id });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const eventId = requireParameter(this, itemIndex, 'eventId', 'Appointment ID');
	// The spec requires a JSON body whose schema is empty.
	const response = await callEndpoint.call(this, meta.endpoint, {
		pathParams: { eventId },
		body: {},
		itemIndex,
	});
	return { eventId, ...response };
}
