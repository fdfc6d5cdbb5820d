import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getLocationId, ghlApiRequest } from '../../../shared/transport';
import { appointmentFieldOptions, appointmentStartTimeProperty } from '../../descriptions/appointmentFields';
import { calendarProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { buildAppointmentBody } from '../../helpers/appointmentBody';
import { resolveContactId } from '../../helpers/contacts';
import type { OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create an appointment',
	description: 'Book an appointment for a contact on a calendar',
	endpoint: {
		method: 'POST',
		path: '/calendars/events/appointments',
		operationId: 'create-appointment',
		api: 'calendars',
		scopes: ['calendars/events.write'],
	},
};

export const properties: INodeProperties[] = [
	calendarProperty(true),
	contactLocator(),
	appointmentStartTimeProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: appointmentFieldOptions('create'),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = buildAppointmentBody(this, itemIndex, {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		calendarId: this.getNodeParameter('calendarId', itemIndex, '') as string,
		startTime: this.getNodeParameter('startTime', itemIndex, '') as string,
	});
	const contactId = await resolveContactId.call(this, itemIndex);
	return await ghlApiRequest.call(this, {
		method: 'POST',
		path: '/calendars/events/appointments',
		api: 'calendars',
		body: { ...body, contactId, locationId: await getLocationId(this) },
		itemIndex,
	});
}
