import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { appointmentFieldOptions, eventIdProperty } from '../../descriptions/appointmentFields';
import { buildAppointmentBody } from '../../helpers/appointmentBody';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update an appointment',
	description: 'Reschedule an appointment or change its status, owner or details',
	endpoint: {
		method: 'PUT',
		path: '/calendars/events/appointments/{eventId}',
		operationId: 'edit-appointment',
		api: 'calendars',
		scopes: ['calendars/events.write'],
	},
};

export const properties: INodeProperties[] = [
	eventIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: appointmentFieldOptions('update'),
	},
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ eventId: d.appointment.id, updateFields: { title: 'Example' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const eventId = requireParameter(this, itemIndex, 'eventId', 'Appointment ID');
	const body = buildAppointmentBody(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	}
	return await callEndpoint.call(this, meta.endpoint, {
		pathParams: { eventId },
		body,
		itemIndex,
	});
}
