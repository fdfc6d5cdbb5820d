import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { appointmentIdProperty, appointmentNoteIdProperty } from '../../descriptions/calendarFields';
import { userProperty } from '../../descriptions/common';
import { readNoteBody } from '../../helpers/calendars';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update an appointment note',
	description: 'Replace the text of an appointment’s note',
	unwrap: 'note',
	endpoint: {
		method: 'PUT',
		path: '/calendars/appointments/{appointmentId}/notes/{noteId}',
		operationId: 'update-appointment-note',
		api: 'calendars',
		scopes: ['calendars/events.write'],
	},
};

export const properties: INodeProperties[] = [
	appointmentIdProperty,
	appointmentNoteIdProperty,
	{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 4 }, required: true, default: '', description: 'The note’s new text (GHL replaces the old one)' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [userProperty('Author Name or ID', 'userId')],
	},
];

export const example: OperationExample = (d) => ({ appointmentId: d.appointment.id, noteId: d.appointmentNoteId, body: 'Example note (edited)' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const appointmentId = requireParameter(this, itemIndex, 'appointmentId', 'Appointment ID');
	const noteId = requireParameter(this, itemIndex, 'noteId', 'Note ID');
	const body = readNoteBody(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { appointmentId, noteId }, body, itemIndex });
}
