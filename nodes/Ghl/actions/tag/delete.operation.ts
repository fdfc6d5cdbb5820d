import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { tagIdProperty } from '../../descriptions/locationFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a tag',
	description: 'Delete a tag from the location',
	endpoint: {
		method: 'DELETE',
		path: '/locations/{locationId}/tags/{tagId}',
		operationId: 'delete-tag',
		api: 'locations',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [tagIdProperty];

export const example: OperationExample = (d) => ({ tagId: d.location.tagId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const tagId = requireParameter(this, itemIndex, 'tagId', 'Tag');
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this), tagId }, itemIndex });
	return { tagId, ...response };
}
