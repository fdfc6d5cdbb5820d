import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarFieldOptions, calendarLocator } from '../../descriptions/calendarFields';
import { buildCalendarBody, readCalendarId } from '../../helpers/calendars';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a calendar',
	description: 'Change a calendar’s name, team, slots or booking rules',
	unwrap: 'calendar',
	endpoint: {
		method: 'PUT',
		path: '/calendars/{calendarId}',
		operationId: 'update-calendar',
		api: 'calendars',
		scopes: ['calendars.write'],
	},
};

export const properties: INodeProperties[] = [
	calendarLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [{ displayName: 'Name', name: 'name', type: 'string', default: '' } as INodeProperties, ...calendarFieldOptions('update')].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

export const example: OperationExample = (d) => ({ calendarId: byId(d.calendarIds[0]), updateFields: { slotDuration: 45 } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const calendarId = readCalendarId(this, itemIndex);
	const body = buildCalendarBody(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	}
	if (body.name === '') throw new NodeOperationError(this.getNode(), 'Name: expected a value, got nothing', { itemIndex });
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { calendarId }, body, itemIndex });
}
