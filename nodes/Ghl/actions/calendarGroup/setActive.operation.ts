import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarGroupProperty } from '../../descriptions/calendarFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Enable or Disable',
	value: 'setActive',
	action: 'Enable or disable a calendar group',
	description: 'Turn a calendar group’s bookings off (disable) or back on',
	endpoint: {
		method: 'PUT',
		path: '/calendars/groups/{groupId}/status',
		operationId: 'disable-group',
		api: 'calendars',
		scopes: ['calendars/groups.write'],
	},
};

export const properties: INodeProperties[] = [
	calendarGroupProperty(true),
	{ displayName: 'Active', name: 'isActive', type: 'boolean', default: false, description: 'Whether the group takes bookings; off disables it' },
];

export const example: OperationExample = (d) => ({ groupId: d.calendarGroupId, isActive: false });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const groupId = requireParameter(this, itemIndex, 'groupId', 'Calendar Group');
	const isActive = this.getNodeParameter('isActive', itemIndex, false) === true;
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { groupId }, body: { isActive }, itemIndex });
	return { groupId, isActive, ...response };
}
