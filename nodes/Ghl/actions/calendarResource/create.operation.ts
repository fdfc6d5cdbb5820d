import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { calendarsProperty, resourceCountProperties, resourceTypeProperty } from '../../descriptions/calendarFields';
import { buildResourceBody } from '../../helpers/calendars';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a calendar resource',
	description: 'Add a room or piece of equipment that calendars book along with the appointment',
	endpoint: {
		method: 'POST',
		path: '/calendars/resources/{resourceType}',
		operationId: 'create-calendar-resource',
		api: 'calendars',
		scopes: ['calendars/resources.write'],
	},
};

export const properties: INodeProperties[] = [
	resourceTypeProperty,
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Meeting Room B' },
	{ displayName: 'Description', name: 'description', type: 'string', required: true, default: '', description: 'GHL requires one' },
	...resourceCountProperties(true),
	calendarsProperty('Calendars that book this resource'),
];

export const example: OperationExample = (d) => ({ resourceType: 'equipments', name: 'Example Camera', description: 'Example', calendarIds: [d.calendarIds[0]] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const resourceType = this.getNodeParameter('resourceType', itemIndex, 'rooms') as string;
	const fields: IDataObject = {};
	for (const name of ['name', 'description', 'quantity', 'outOfService', 'capacity', 'calendarIds']) fields[name] = this.getNodeParameter(name, itemIndex, undefined);
	// GHL requires every field of a new resource, so each has a value (the node's default when left alone).
	const body = { quantity: 1, outOfService: 0, capacity: 1, calendarIds: [], ...buildResourceBody(this, itemIndex, fields) };
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { resourceType }, body: { ...body, locationId: await getLocationId(this) }, itemIndex });
}
