import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { groupFieldProperties } from '../../descriptions/calendarFields';
import { readGroupFields } from '../../helpers/calendars';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a calendar group',
	description: 'Create a group of calendars with its own booking link (slug)',
	unwrap: 'group',
	endpoint: {
		method: 'POST',
		path: '/calendars/groups',
		operationId: 'create-calendar-group',
		api: 'calendars',
		scopes: ['calendars/groups.write'],
	},
};

export const properties: INodeProperties[] = [
	...groupFieldProperties,
	{ displayName: 'Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether the group takes bookings' },
];

export const example: OperationExample = () => ({ name: 'Example Group', description: 'Example', slug: 'example-group' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = {
		...readGroupFields(this, itemIndex),
		isActive: this.getNodeParameter('isActive', itemIndex, true) === true,
		locationId: await getLocationId(this),
	};
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
