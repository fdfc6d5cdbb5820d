import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { objectRecordIdProperty, objectSchemaProperty, recordPeopleOptions, recordPropertiesProperty } from '../../descriptions/customObjectFields';
import { readObjectKey, readRecordPeople, readRecordProperties } from '../../helpers/objectRecordBody';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update an object record',
	description: 'Change a record’s field values, owner or followers: only what is given changes',
	unwrap: 'record',
	endpoint: {
		method: 'PUT',
		path: '/objects/{schemaKey}/records/{id}',
		operationId: 'update-object-record',
		api: 'objects',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [
	objectSchemaProperty({ customOnly: true }),
	objectRecordIdProperty,
	recordPropertiesProperty(false),
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: recordPeopleOptions },
];

export const example: OperationExample = (d) => ({
	schemaKey: d.customObject.key,
	recordId: d.customObject.recordId,
	properties: JSON.stringify({ colour: 'red' }),
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const schemaKey = readObjectKey(this, itemIndex);
	const id = requireParameter(this, itemIndex, 'recordId', 'Record ID');
	const properties = readRecordProperties(this, itemIndex, false);
	const people = readRecordPeople(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(properties).length && !Object.keys(people).length) {
		throw new NodeOperationError(this.getNode(), 'Properties (JSON): give at least one property, or an owner or followers under Update Fields', { itemIndex });
	}
	const body = { ...(Object.keys(properties).length ? { properties } : {}), ...people };
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { schemaKey, id }, qs: { locationId: await getLocationId(this) }, body, itemIndex });
}
