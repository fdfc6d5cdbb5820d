import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { tagsProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { checkList } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Remove',
	value: 'remove',
	action: 'Remove tags from a contact',
	description: 'Remove tags from a contact',
	endpoint: {
		method: 'DELETE',
		path: '/contacts/{contactId}/tags',
		operationId: 'remove-tags',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [contactLocator(), tagsProperty('Comma-separated tags to remove')];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), tags: d.contact.tag });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const tags = checkList(this, itemIndex, 'Tags', this.getNodeParameter('tags', itemIndex, ''));
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await callEndpoint.call(this, meta.endpoint, {
		pathParams: { contactId },
		body: { tags },
		itemIndex,
	});
	return { contactId, ...response };
}
