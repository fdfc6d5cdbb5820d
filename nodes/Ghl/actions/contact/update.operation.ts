import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ghlApiRequest, ghlPath } from '../../../shared/transport';
import { contactFieldOptions, customFieldsProperty, tagsModeProperty } from '../../descriptions/contactFields';
import { contactLocator } from '../../descriptions/contactLocator';
import { buildContactBody, customFieldRows } from '../../helpers/contactBody';
import { resolveContactId } from '../../helpers/contacts';
import type { OperationMeta } from '../types';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = await buildContactBody.call(this, itemIndex, fields, customFieldRows(this, itemIndex));
	const addTags = this.getNodeParameter('tagsMode', itemIndex, 'add') === 'add' ? (body.tags as string[] | undefined) : undefined;
	if (addTags) delete body.tags;
	if (!Object.keys(body).length && !addTags) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	}
	const contactId = await resolveContactId.call(this, itemIndex);

	let response: IDataObject = {};
	if (Object.keys(body).length) {
		response = await ghlApiRequest.call(this, { method: 'PUT', path: ghlPath`/contacts/${contactId}`, body, itemIndex });
	}
	if (addTags?.length) {
		const tagged = await ghlApiRequest.call(this, {
			method: 'POST',
			path: ghlPath`/contacts/${contactId}/tags`,
			body: { tags: addTags },
			idempotent: true,
			itemIndex,
		});
		// Hand back the contact with its tags as they now are.
		const contact = (response.contact as IDataObject | undefined) ??
			((await ghlApiRequest.call(this, { method: 'GET', path: ghlPath`/contacts/${contactId}`, itemIndex })).contact as IDataObject);
		response = { ...response, succeded: true, contact: { ...contact, tags: tagged.tags ?? contact?.tags } };
	}
	return response;
}
