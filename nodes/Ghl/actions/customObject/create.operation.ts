import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getAgencyConnection, getLocationId } from '../../../shared/transport';
import { checkText, requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a custom object',
	description: 'Create a custom object in the Sub-Account, with its primary display property (agency credential)',
	readmeNote: 'agency credential',
	unwrap: 'object',
	endpoint: {
		method: 'POST',
		path: '/objects/',
		operationId: 'create-custom-object-schema',
		api: 'objects',
		scopes: ['objects/schema.write'],
		agency: true,
	},
};

/** GHL's object and field keys: lowercase letters, digits and underscores. */
const KEY = /^[a-z][a-z0-9_]*$/;

export const properties: INodeProperties[] = [
	{ displayName: 'Singular Label', name: 'singular', type: 'string', required: true, default: '', placeholder: 'e.g. Pet' },
	{ displayName: 'Plural Label', name: 'plural', type: 'string', required: true, default: '', placeholder: 'e.g. Pets' },
	{
		displayName: 'Key',
		name: 'key',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. pets',
		description: 'Lowercase letters, digits and underscores. GHL adds the custom_objects. prefix.',
	},
	{ displayName: 'Primary Property Name', name: 'primaryName', type: 'string', required: true, default: '', placeholder: 'e.g. Pet name', description: 'The field shown as the record’s name' },
	{
		displayName: 'Primary Property Key',
		name: 'primaryKey',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. pet_name',
		description: 'Lowercase letters, digits and underscores; GHL adds the object’s prefix',
	},
	{
		displayName: 'Primary Property Type',
		name: 'primaryDataType',
		type: 'options',
		options: [
			{ name: 'Number', value: 'NUMERICAL' },
			{ name: 'Text', value: 'TEXT' },
		],
		default: 'TEXT',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [{ displayName: 'Description', name: 'description', type: 'string', default: '' }],
	},
];

export const example: OperationExample = (d) => ({
	subAccount: { __rl: true, mode: 'id', value: d.subAccountIds[0] },
	singular: 'Pet',
	plural: 'Pets',
	key: 'pets',
	primaryName: 'Pet name',
	primaryKey: 'pet_name',
	primaryDataType: 'TEXT',
});

/** A key without the prefix GHL adds (given with it, it is taken off and added back by GHL). */
function readKey(ctx: IExecuteFunctions, itemIndex: number, field: string, name: string, prefix: RegExp): string {
	const key = requireText(ctx, itemIndex, field, ctx.getNodeParameter(name, itemIndex, '')).replace(prefix, '');
	if (!KEY.test(key)) {
		throw new NodeOperationError(ctx.getNode(), `${field}: expected lowercase letters, digits and underscores starting with a letter, got "${key.slice(0, 80)}"`, { itemIndex });
	}
	return key;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// GHL takes only an agency token here; the object is made in the node's Sub-Account.
	await getAgencyConnection(this);
	const locationId = await getLocationId(this);
	const singular = requireText(this, itemIndex, 'Singular Label', this.getNodeParameter('singular', itemIndex, ''));
	const plural = requireText(this, itemIndex, 'Plural Label', this.getNodeParameter('plural', itemIndex, ''));
	const key = readKey(this, itemIndex, 'Key', 'key', /^custom_objects\./);
	const primaryKey = readKey(this, itemIndex, 'Primary Property Key', 'primaryKey', /^custom_objects\.[a-z0-9_]+\./);
	const primaryName = requireText(this, itemIndex, 'Primary Property Name', this.getNodeParameter('primaryName', itemIndex, ''));
	const dataType = this.getNodeParameter('primaryDataType', itemIndex, 'TEXT') as string;
	const description = checkText(this, itemIndex, 'Description', (this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject).description);
	const objectKey = `custom_objects.${key}`;
	const body: IDataObject = {
		labels: { singular, plural },
		key: objectKey,
		locationId,
		primaryDisplayPropertyDetails: { key: `${objectKey}.${primaryKey}`, name: primaryName, dataType },
		...(description ? { description } : {}),
	};
	// A create is not repeated after a failure in transit: a second one would be refused as a duplicate key.
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
