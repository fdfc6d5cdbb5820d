import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { customValueFields } from '../../descriptions/locationFields';
import { customValueBody } from '../../helpers/locationBodies';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a custom value',
	description: 'Create a custom value: a named text the location’s emails, messages and pages insert by its merge key',
	unwrap: 'customValue',
	endpoint: {
		method: 'POST',
		path: '/locations/{locationId}/customValues',
		operationId: 'create-custom-value',
		api: 'locations',
		scopes: ['locations/customValues.write'],
	},
};

export const properties: INodeProperties[] = customValueFields;

export const example: OperationExample = () => ({ name: 'Example Value', value: 'example' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await callEndpoint.call(this, meta.endpoint, {
		pathParams: { locationId: await getLocationId(this) },
		body: customValueBody(this, itemIndex),
		itemIndex,
	});
}
