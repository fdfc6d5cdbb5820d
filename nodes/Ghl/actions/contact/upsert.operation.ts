import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { addContactTags } from '../../../shared/reads';
import { contactFieldOptions, customFieldsProperty, tagsModeProperty } from '../../descriptions/contactFields';
import { buildContactBody, customFieldRows } from '../../helpers/contactBody';
import { mergedTags } from '../../helpers/tagBatch';
import { Deferred } from '../types';
import type { OperationExample, OperationMeta, RunScope } from '../types';

export const meta: OperationMeta = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update a contact',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	unwrap: 'contact',
	readmeNote: 'upsert; tags added, not overwritten, by default',
	endpoint: {
		method: 'POST',
		path: '/contacts/upsert',
		operationId: 'upsert-contact',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Matched first; give an email or a phone',
	},
	{ displayName: 'Phone', name: 'phone', type: 'string', placeholder: '+14155550100', default: '', description: 'Matched when no contact has the email' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactFieldOptions('upsert').filter((field) => !['email', 'phone'].includes(field.name)),
	},
	customFieldsProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Create New If Duplicates Allowed',
				name: 'createNewIfDuplicateAllowed',
				type: 'boolean',
				default: false,
				description: 'Whether to always create a new contact when the location allows duplicate contacts',
			},
			tagsModeProperty,
		],
	},
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = () => ({ email: 'example@example.com' });

export async function execute(this: IExecuteFunctions, itemIndex: number, run?: RunScope): Promise<IDataObject | Deferred> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fields = {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		email: this.getNodeParameter('email', itemIndex, '') as string,
		phone: this.getNodeParameter('phone', itemIndex, '') as string,
	};
	// Expressions can give any type: a list here is refused by name when the body is built.
	if (!String(fields.email ?? '').trim() && !String(fields.phone ?? '').trim()) {
		throw new NodeOperationError(this.getNode(), 'Email or Phone: expected at least one, to match the contact by', { itemIndex });
	}
	const body = await buildContactBody.call(this, itemIndex, fields, customFieldRows(this, itemIndex));
	const addTags = (options.tagsMode ?? 'add') === 'add' ? (body.tags as string[] | undefined) : undefined;
	if (addTags) delete body.tags;
	if (options.createNewIfDuplicateAllowed) body.createNewIfDuplicateAllowed = true;

	const response = await callEndpoint.call(this, meta.endpoint, {
		body: { ...body, locationId: await getLocationId(this) },
		// An upsert matches the contact it wrote before, so a repeat is harmless; unless the location
		// allows duplicates and the user asked for a new contact each time: a repeat would create two.
		idempotent: !options.createNewIfDuplicateAllowed,
		itemIndex,
	});
	const contact = response.contact as IDataObject | undefined;
	if (!addTags?.length || !contact?.id) return response;
	const contactId = contact.id as string;
	const withTags = (tags: string[] | undefined): IDataObject => ({
		...response,
		contact: { ...contact, tags: tags ?? mergedTags(contact.tags, addTags) },
	});
	// In a node run the tags go with other items' in one bulk call (when 100 contacts wait for the
	// same tags, or the run's items are done); the item's request slot is free meanwhile.
	if (run) return new Deferred(run.tags.add(contactId, addTags, itemIndex).then(withTags));
	return withTags(await addContactTags.call(this, contactId, addTags, itemIndex));
}
