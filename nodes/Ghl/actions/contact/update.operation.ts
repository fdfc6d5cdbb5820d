import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { addContactTags, getContact } from '../../../shared/reads';
import { contactFieldOptions, customFieldsProperty, tagsModeProperty } from '../../descriptions/contactFields';
import { contactLocator } from '../../descriptions/contactLocator';
import { buildContactBody, customFieldRows } from '../../helpers/contactBody';
import { resolveContactId } from '../../helpers/contacts';
import { mergedTags } from '../../helpers/tagBatch';
import { byId, Deferred } from '../types';
import type { OperationExample, OperationMeta, RunScope } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a contact',
	description: 'Update a contact’s fields, custom fields and tags',
	unwrap: 'contact',
	endpoint: {
		method: 'PUT',
		path: '/contacts/{contactId}',
		operationId: 'update-contact',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [
	contactLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactFieldOptions('update'),
	},
	customFieldsProperty,
	tagsModeProperty,
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), updateFields: { city: 'Example City' } });

export async function execute(this: IExecuteFunctions, itemIndex: number, run?: RunScope): Promise<IDataObject | Deferred> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = await buildContactBody.call(this, itemIndex, fields, customFieldRows(this, itemIndex));
	const addTags = this.getNodeParameter('tagsMode', itemIndex, 'add') === 'add' ? (body.tags as string[] | undefined) : undefined;
	if (addTags) delete body.tags;
	if (!Object.keys(body).length && !addTags) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	}
	const contactId = await resolveContactId.call(this, itemIndex);

	if (addTags?.length && run && !Object.keys(body).length) {
		// Tags only: nothing to PUT, so the contact's one call is its share of a bulk tag call. GHL's
		// bulk answer says the contact's tags, not the rest of it: the item is the contact's ID and tags.
		return new Deferred(
			run.tags.add(contactId, addTags, itemIndex).then(async (tags) => ({
				succeded: true,
				contact: { id: contactId, tags: tags ?? ((await getContact.call(this, contactId, itemIndex))?.tags as string[] | undefined) },
			})),
		);
	}
	let response: IDataObject = {};
	if (Object.keys(body).length) {
		response = await callEndpoint.call(this, meta.endpoint, { pathParams: { contactId }, body, itemIndex });
	}
	const updated = response.contact as IDataObject | undefined;
	if (addTags?.length && run && updated) {
		// The update answered with the contact: its tags go with other items' in one bulk call.
		const withTags = (tags: string[] | undefined) => ({ ...response, contact: { ...updated, tags: tags ?? mergedTags(updated.tags, addTags) } });
		return new Deferred(run.tags.add(contactId, addTags, itemIndex).then(withTags));
	}
	if (addTags?.length) {
		const tags = await addContactTags.call(this, contactId, addTags, itemIndex);
		// Hand back the contact with its tags as they now are.
		const contact = (response.contact as IDataObject | undefined) ?? (await getContact.call(this, contactId, itemIndex));
		response = { ...response, succeded: true, contact: { ...contact, tags: tags ?? contact?.tags } };
	}
	return response;
}
