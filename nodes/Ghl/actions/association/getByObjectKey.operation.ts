import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { objectKeyProperty } from '../../descriptions/associationFields';
import { requireObjectKey } from '../../helpers/associations';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get by Object',
	value: 'getByObjectKey',
	action: 'Get the associations of an object',
	description: 'List the associations that link an object (contact, opportunity, business or a custom object), on either side',
	endpoint: {
		method: 'GET',
		path: '/associations/objectKey/{objectKey}',
		operationId: 'get-association-by-object-keys',
		api: 'associations',
		scopes: ['associations.readonly'],
	},
};

export const properties: INodeProperties[] = [objectKeyProperty('Object Name or ID', 'objectKey')];

export const example: OperationExample = () => ({ objectKey: 'opportunity' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const objectKey = requireObjectKey(this, itemIndex, 'objectKey', 'Object');
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { objectKey }, qs: { locationId: await getLocationId(this) }, itemIndex });
	// One output item per association.
	return (Array.isArray(response.associations) ? response.associations : []) as IDataObject[];
}
