import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { appointmentIdProperty } from '../../descriptions/calendarFields';
import { userProperty } from '../../descriptions/common';
import { readNoteBody } from '../../helpers/calendars';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create an appointment note',
	description: 'Add a note to an appointment',
	unwrap: 'note',
	endpoint: {
		method: 'POST',
		path: '/calendars/appointments/{appointmentId}/notes',
		operationId: 'create-appointment-note',
		api: 'calendars',
		scopes: ['calendars/events.write'],
	},
};

export const properties: INodeProperties[] = [
	appointmentIdProperty,
	{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 4 }, required: true, default: '' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [userProperty('Author Name or ID', 'userId')],
	},
];

export const example: OperationExample = (d) => ({ appointmentId: d.appointment.id, body: 'Example note' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const appointmentId = requireParameter(this, itemIndex, 'appointmentId', 'Appointment ID');
	const body = readNoteBody(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { appointmentId }, body, itemIndex });
}
