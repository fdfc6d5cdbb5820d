import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getSkipPaged } from '../../../shared/transport';
import { appointmentIdProperty } from '../../descriptions/calendarFields';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many appointment notes',
	description: 'List the notes of an appointment, newest first',
	endpoint: {
		method: 'GET',
		path: '/calendars/appointments/{appointmentId}/notes',
		operationId: 'get-appointment-notes',
		api: 'calendars',
		scopes: ['calendars/events.readonly'],
	},
};

export const properties: INodeProperties[] = [appointmentIdProperty, ...pagingProperties];

export const example: OperationExample = (d) => ({ appointmentId: d.appointment.id, returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const appointmentId = requireParameter(this, itemIndex, 'appointmentId', 'Appointment ID');
	// Paged by limit/offset until GHL says hasMore: false.
	return await getSkipPaged.call(this, endpointRequest(meta.endpoint, { pathParams: { appointmentId }, itemIndex }), 'notes', readLimit(this, itemIndex), 'offset');
}
