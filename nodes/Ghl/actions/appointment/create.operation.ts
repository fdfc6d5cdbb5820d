import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { appointmentFieldOptions, appointmentStartTimeProperty } from '../../descriptions/appointmentFields';
import { calendarProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { buildAppointmentBody } from '../../helpers/appointmentBody';
import { resolveContactId } from '../../helpers/contacts';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

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

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ calendarId: d.calendarIds[1], contactId: byId(d.secondContactId), startTime: '2032-01-05T10:00:00Z' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = buildAppointmentBody(this, itemIndex, {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		calendarId: this.getNodeParameter('calendarId', itemIndex, '') as string,
		startTime: this.getNodeParameter('startTime', itemIndex, '') as string,
	});
	const contactId = await resolveContactId.call(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, {
		body: { ...body, contactId, locationId: await getLocationId(this) },
		itemIndex,
	});
}
