import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { objectSchemaProperty } from '../../descriptions/customObjectFields';
import { readObjectKey } from '../../helpers/objectRecordBody';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get an object',
	description: 'Get an object’s schema by key: labels, primary display property and, optionally, its fields',
	unwrap: 'object',
	endpoint: {
		method: 'GET',
		path: '/objects/{key}',
		operationId: 'get-object-schema-by-key',
		api: 'objects',
		scopes: ['objects/schema.readonly'],
	},
};

export const properties: INodeProperties[] = [
	objectSchemaProperty({ customOnly: false }),
	{
		displayName: 'Include Fields',
		name: 'includeFields',
		type: 'boolean',
		default: false,
		description: 'Whether to add the object’s fields (their keys are what a record’s properties are named by)',
	},
];

export const example: OperationExample = (d) => ({ schemaKey: d.customObject.key, includeFields: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const key = readObjectKey(this, itemIndex);
	const includeFields = this.getNodeParameter('includeFields', itemIndex, false) as boolean;
	const response = await callEndpoint.call(this, meta.endpoint, {
		pathParams: { key },
		qs: { locationId: await getLocationId(this), ...(includeFields ? { fetchProperties: true } : {}) },
		itemIndex,
	});
	// GHL answers the fields beside the object; inside it they survive Simplify.
	const object = response.object as IDataObject | undefined;
	if (includeFields && object && typeof object === 'object') return { ...response, object: { ...object, fields: response.fields ?? [] } };
	return response;
}
