import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarGroupProperty } from '../../descriptions/calendarFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a calendar group',
	description: 'Delete a calendar group of the location',
	endpoint: {
		method: 'DELETE',
		path: '/calendars/groups/{groupId}',
		operationId: 'delete-group',
		api: 'calendars',
		scopes: ['calendars/groups.write'],
	},
};

export const properties: INodeProperties[] = [calendarGroupProperty(true)];

export const example: OperationExample = (d) => ({ groupId: d.calendarGroupId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const groupId = requireParameter(this, itemIndex, 'groupId', 'Calendar Group');
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { groupId }, itemIndex });
	return { groupId, ...response };
}
