import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { contactFieldOptions, customFieldsProperty } from '../../descriptions/contactFields';
import { buildContactBody, customFieldRows } from '../../helpers/contactBody';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a contact',
	description: 'Create a new contact (fails if the location does not allow duplicates and one exists)',
	unwrap: 'contact',
	endpoint: {
		method: 'POST',
		path: '/contacts/',
		operationId: 'create-contact',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
	{ displayName: 'Phone', name: 'phone', type: 'string', placeholder: '+14155550100', default: '' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactFieldOptions('create').filter((field) => !['email', 'phone'].includes(field.name)),
	},
	customFieldsProperty,
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = () => ({ email: 'example@example.com' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields: IDataObject = {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		email: this.getNodeParameter('email', itemIndex, '') as string,
		phone: this.getNodeParameter('phone', itemIndex, '') as string,
	};
	const named = ['email', 'phone', 'firstName', 'lastName', 'name'].some((key) => String(fields[key] ?? '').trim());
	if (!named) {
		throw new NodeOperationError(this.getNode(), 'Contact: give at least an Email, Phone or name', { itemIndex });
	}
	const body = await buildContactBody.call(this, itemIndex, fields, customFieldRows(this, itemIndex));
	return await callEndpoint.call(this, meta.endpoint, {
		body: { ...body, locationId: await getLocationId(this) },
		itemIndex,
	});
}
