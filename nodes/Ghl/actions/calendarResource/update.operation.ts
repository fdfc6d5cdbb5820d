import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarResourceIdProperty, calendarsProperty, resourceCountProperties, resourceTypeProperty } from '../../descriptions/calendarFields';
import { buildResourceBody } from '../../helpers/calendars';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a calendar resource',
	description: 'Rename a room or piece of equipment, change its counts or calendars, or take it out of use',
	endpoint: {
		method: 'PUT',
		path: '/calendars/resources/{resourceType}/{id}',
		operationId: 'update-calendar-resource',
		api: 'calendars',
		scopes: ['calendars/resources.write'],
	},
};

export const properties: INodeProperties[] = [
	resourceTypeProperty,
	calendarResourceIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...resourceCountProperties(false),
			{ ...calendarsProperty('Calendars that book this resource (replaces the list)') },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Is Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether it can be booked' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		].sort((a, b) => a.displayName.localeCompare(b.displayName)) as INodeProperties[],
	},
];

export const example: OperationExample = (d) => ({ resourceType: 'rooms', resourceId: d.roomId, updateFields: { capacity: 10 } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const resourceType = this.getNodeParameter('resourceType', itemIndex, 'rooms') as string;
	const id = requireParameter(this, itemIndex, 'resourceId', 'Calendar Resource ID');
	const body = buildResourceBody(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(body).length) throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { resourceType, id }, body, itemIndex });
	return { id, ...response };
}
