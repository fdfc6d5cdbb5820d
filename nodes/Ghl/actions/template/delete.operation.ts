import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { templateIdProperty } from '../../descriptions/locationFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a template',
	description: 'Delete an email or SMS template of the location',
	endpoint: {
		method: 'DELETE',
		path: '/locations/{locationId}/templates/{id}',
		operationId: 'DELETE-an-email-sms-template',
		api: 'locations',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [templateIdProperty];

export const example: OperationExample = (d) => ({ templateId: d.location.templateId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'templateId', 'Template');
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this), id }, itemIndex });
	return { templateId: id, ...response };
}
