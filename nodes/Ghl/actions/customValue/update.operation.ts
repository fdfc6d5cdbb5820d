import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { customValueFields, customValueIdProperty } from '../../descriptions/locationFields';
import { customValueBody } from '../../helpers/locationBodies';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a custom value',
	description: 'Change a custom value’s name and value (GHL keeps its merge key)',
	unwrap: 'customValue',
	endpoint: {
		method: 'PUT',
		path: '/locations/{locationId}/customValues/{id}',
		operationId: 'update-custom-value',
		api: 'locations',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [customValueIdProperty, ...customValueFields];

export const example: OperationExample = (d) => ({ customValueId: d.location.customValueId, name: 'Support Phone', value: '+15550100000' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'customValueId', 'Custom Value');
	return await callEndpoint.call(this, meta.endpoint, {
		pathParams: { locationId: await getLocationId(this), id },
		body: customValueBody(this, itemIndex),
		itemIndex,
	});
}
