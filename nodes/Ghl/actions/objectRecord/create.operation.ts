import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { objectSchemaProperty, recordPeopleOptions, recordPropertiesProperty } from '../../descriptions/customObjectFields';
import { readObjectKey, readRecordPeople, readRecordProperties } from '../../helpers/objectRecordBody';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create an object record',
	description: 'Create a record of a custom object with its field values',
	unwrap: 'record',
	endpoint: {
		method: 'POST',
		path: '/objects/{schemaKey}/records',
		operationId: 'create-object-record',
		api: 'objects',
		scopes: ['objects/record.write'],
	},
};

export const properties: INodeProperties[] = [
	objectSchemaProperty({ customOnly: true, description: 'The custom object the record is of' }),
	recordPropertiesProperty(true),
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: recordPeopleOptions },
];

export const example: OperationExample = (d) => ({
	schemaKey: d.customObject.key,
	properties: JSON.stringify({ name: 'Land Rover', colour: 'blue', year: 1948 }),
	additionalFields: { owner: d.userIds[0] },
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const schemaKey = readObjectKey(this, itemIndex);
	const properties = readRecordProperties(this, itemIndex, true);
	const people = readRecordPeople(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const body = { locationId: await getLocationId(this), properties, ...people };
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { schemaKey }, body, itemIndex });
}
