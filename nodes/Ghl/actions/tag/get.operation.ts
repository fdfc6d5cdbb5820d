import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { tagIdProperty } from '../../descriptions/locationFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a tag',
	description: 'Get one tag of the location',
	unwrap: 'tag',
	endpoint: {
		method: 'GET',
		path: '/locations/{locationId}/tags/{tagId}',
		operationId: 'get-tag-by-id',
		api: 'locations',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [tagIdProperty];

export const example: OperationExample = (d) => ({ tagId: d.location.tagId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const tagId = requireParameter(this, itemIndex, 'tagId', 'Tag');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId: await getLocationId(this), tagId }, itemIndex });
}
