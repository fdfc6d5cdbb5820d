import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { calendarFieldOptions } from '../../descriptions/calendarFields';
import { buildCalendarBody } from '../../helpers/calendars';
import { requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a calendar',
	description: 'Create a calendar in the location, with its team and slot settings',
	unwrap: 'calendar',
	endpoint: {
		method: 'POST',
		path: '/calendars/',
		operationId: 'create-calendar',
		api: 'calendars',
		scopes: ['calendars.write'],
	},
};

export const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Discovery Call' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: calendarFieldOptions('create'),
	},
];

export const example: OperationExample = (d) => ({ name: 'Example Calendar', additionalFields: { teamMembers: [d.userIds[0]] } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex, ''));
	const body = buildCalendarBody(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	return await callEndpoint.call(this, meta.endpoint, { body: { ...body, name, locationId: await getLocationId(this) }, itemIndex });
}
