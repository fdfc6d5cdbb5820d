import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { calendarGroupProperty, groupFieldProperties } from '../../descriptions/calendarFields';
import { readGroupFields } from '../../helpers/calendars';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a calendar group',
	description: 'Rename a calendar group or change its description or slug (GHL needs all three)',
	unwrap: 'group',
	endpoint: {
		method: 'PUT',
		path: '/calendars/groups/{groupId}',
		operationId: 'edit-group',
		api: 'calendars',
		scopes: ['calendars/groups.write'],
	},
};

export const properties: INodeProperties[] = [calendarGroupProperty(true), ...groupFieldProperties];

export const example: OperationExample = (d) => ({ groupId: d.calendarGroupId, name: 'Renamed Group', description: 'Example', slug: 'renamed-group' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const groupId = requireParameter(this, itemIndex, 'groupId', 'Calendar Group');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { groupId }, body: readGroupFields(this, itemIndex), itemIndex });
}
