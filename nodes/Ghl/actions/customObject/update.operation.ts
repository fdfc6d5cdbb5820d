import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { objectSchemaProperty } from '../../descriptions/customObjectFields';
import { readObjectKey } from '../../helpers/objectRecordBody';
import { checkList, checkText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update an object',
	description: 'Change an object’s searchable fields, and a custom object’s labels and description',
	unwrap: 'object',
	endpoint: {
		method: 'PUT',
		path: '/objects/{key}',
		operationId: 'update-custom-object',
		api: 'objects',
		scopes: ['objects/schema.write'],
	},
};

export const properties: INodeProperties[] = [
	objectSchemaProperty({ customOnly: false }),
	{
		displayName: 'Searchable Field Names or IDs',
		name: 'searchableProperties',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getObjectFields', loadOptionsDependsOn: ['schemaKey'] },
		required: true,
		default: [],
		description:
			'The fields a record search looks in; GHL replaces the list with this one. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Custom objects only: standard objects keep their labels',
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Plural Label', name: 'plural', type: 'string', default: '' },
			{ displayName: 'Singular Label', name: 'singular', type: 'string', default: '' },
		],
	},
];

export const example: OperationExample = (d) => ({
	schemaKey: d.customObject.key,
	searchableProperties: [`${d.customObject.key}.name`, `${d.customObject.key}.colour`],
	updateFields: { plural: 'Cars' },
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const key = readObjectKey(this, itemIndex);
	// GHL requires the list and replaces it: an empty one would make the object unsearchable.
	const searchableProperties = checkList(this, itemIndex, 'Searchable Field Names or IDs', this.getNodeParameter('searchableProperties', itemIndex, []));
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const labels: IDataObject = {};
	for (const [name, label] of [['singular', 'Singular Label'], ['plural', 'Plural Label']]) {
		const value = checkText(this, itemIndex, label, fields[name]);
		if (value) labels[name] = value;
	}
	const body: IDataObject = { locationId: await getLocationId(this), searchableProperties };
	if (Object.keys(labels).length) body.labels = labels;
	if (fields.description !== undefined) body.description = checkText(this, itemIndex, 'Description', fields.description);
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { key }, body, itemIndex });
}
