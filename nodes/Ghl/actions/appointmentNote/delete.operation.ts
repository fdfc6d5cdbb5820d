import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { appointmentIdProperty, appointmentNoteIdProperty } from '../../descriptions/calendarFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an appointment note',
	description: 'Delete a note of an appointment',
	endpoint: {
		method: 'DELETE',
		path: '/calendars/appointments/{appointmentId}/notes/{noteId}',
		operationId: 'delete-appointment-note',
		api: 'calendars',
		scopes: ['calendars/events.write'],
	},
};

export const properties: INodeProperties[] = [appointmentIdProperty, appointmentNoteIdProperty];

export const example: OperationExample = (d) => ({ appointmentId: d.appointment.id, noteId: d.appointmentNoteId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const appointmentId = requireParameter(this, itemIndex, 'appointmentId', 'Appointment ID');
	const noteId = requireParameter(this, itemIndex, 'noteId', 'Note ID');
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { appointmentId, noteId }, itemIndex });
	return { appointmentId, noteId, ...response };
}
