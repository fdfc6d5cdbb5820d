import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { objectRecordIdProperty, objectSchemaProperty } from '../../descriptions/customObjectFields';
import { readObjectKey } from '../../helpers/objectRecordBody';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get an object record',
	description: 'Get a record of a custom object by ID',
	unwrap: 'record',
	endpoint: {
		method: 'GET',
		path: '/objects/{schemaKey}/records/{id}',
		operationId: 'get-record-by-id',
		api: 'objects',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [objectSchemaProperty({ customOnly: true }), objectRecordIdProperty];

export const example: OperationExample = (d) => ({ schemaKey: d.customObject.key, recordId: d.customObject.recordId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const schemaKey = readObjectKey(this, itemIndex);
	const id = requireParameter(this, itemIndex, 'recordId', 'Record ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { schemaKey, id }, itemIndex });
}
