import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { associationKeyProperty } from '../../descriptions/associationFields';
import { requireAssociationKey } from '../../helpers/associations';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get by Key',
	value: 'getByKey',
	action: 'Get an association by key',
	description: 'Get an association (system or user defined) by its key',
	endpoint: {
		method: 'GET',
		path: '/associations/key/{key_name}',
		operationId: 'get-association-key-by-key-name',
		api: 'associations',
		scopes: ['associations.readonly'],
	},
};

export const properties: INodeProperties[] = [associationKeyProperty];

export const example: OperationExample = (d) => ({ key: d.association.key });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const key = requireAssociationKey(this, itemIndex, 'key', 'Key');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { key_name: key }, qs: { locationId: await getLocationId(this) }, itemIndex });
}
